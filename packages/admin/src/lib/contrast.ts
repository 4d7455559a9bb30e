import type { Look } from '@torii/schema'

/** WCAG 2.x AA minimums: 4.5:1 for normal text, 3:1 for large text and non-text (1.4.3, 1.4.11). */
export const AA_TEXT = 4.5
export const AA_NON_TEXT = 3

/** Parses `#rrggbb` (or `#rgb`) into 0–255 channels; `null` for anything else. */
export function parseHex(color: string): [number, number, number] | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())
  if (!match) return null
  let hex = match[1]!
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('')
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance([r, g, b]: [number, number, number]): number {
  const linear = (channel: number) => {
    const c = channel / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/** The WCAG contrast ratio of two colours (1 to 21), or `null` when one is not a hex colour. */
export function contrastRatio(a: string, b: string): number | null {
  const ca = parseHex(a)
  const cb = parseHex(b)
  if (!ca || !cb) return null
  const [light, dark] = [relativeLuminance(ca), relativeLuminance(cb)].sort((x, y) => y - x) as [
    number,
    number,
  ]
  return (light + 0.05) / (dark + 0.05)
}

export type ContrastPair = 'text' | 'accent' | 'accentBackground'

/** One colour pair of a look measured against its WCAG AA minimum. */
export interface PairContrast {
  pair: ContrastPair
  ratio: number | null
  min: number
  ok: boolean
}

/** Checks a look's colour pairs against WCAG AA; a pair that cannot be measured fails. */
export function checkLookContrast(colors: Look['colors']): PairContrast[] {
  const pairs: [ContrastPair, string, string, number][] = [
    ['text', colors.text, colors.background, AA_TEXT],
    ['accent', colors.accentText, colors.accent, AA_TEXT],
    ['accentBackground', colors.accent, colors.background, AA_NON_TEXT],
  ]
  return pairs.map(([pair, fg, bg, min]) => {
    const ratio = contrastRatio(fg, bg)
    return { pair, ratio, min, ok: ratio !== null && ratio >= min }
  })
}

/** Rounds down to two decimals, so 4.499 never shows as a passing 4.5. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '?' : (Math.floor(ratio * 100) / 100).toFixed(2)
}
