import { describe, expect, it } from 'vitest'
import { checkLookContrast, contrastRatio, formatRatio, parseHex } from './contrast.ts'

describe('contrastRatio', () => {
  it('should give 21:1 for black on white and 1:1 for equal colours', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#777777')).toBe(1)
  })

  it('should match known WCAG values', () => {
    // #767676 on white is the classic lightest grey that passes AA (4.54:1); #777777 fails (4.48:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })

  it('should accept short hex and reject anything else', () => {
    expect(contrastRatio('#fff', '#000')).toBeCloseTo(21, 5)
    expect(contrastRatio('red', '#000')).toBeNull()
    expect(parseHex('#12345')).toBeNull()
  })
})

describe('checkLookContrast', () => {
  it('should pass the default look', () => {
    const checks = checkLookContrast({
      background: '#ffffff',
      text: '#1f2328',
      accent: '#b3261e',
      accentText: '#ffffff',
    })
    expect(checks.every((check) => check.ok)).toBe(true)
  })

  it('should warn about pale text and pale buttons below AA', () => {
    const checks = checkLookContrast({
      background: '#ffffff',
      text: '#999999',
      accent: '#ffeeee',
      accentText: '#ffffff',
    })
    const byPair = Object.fromEntries(checks.map((check) => [check.pair, check]))
    expect(byPair.text?.ok).toBe(false)
    expect(byPair.accent?.ok).toBe(false)
    expect(byPair.accentBackground?.ok).toBe(false)
    expect(byPair.text?.min).toBe(4.5)
    expect(byPair.accentBackground?.min).toBe(3)
  })

  it('should fail a pair it cannot measure', () => {
    const [text] = checkLookContrast({
      background: 'nope',
      text: '#000000',
      accent: '#000000',
      accentText: '#fff',
    })
    expect(text?.ok).toBe(false)
    expect(text?.ratio).toBeNull()
  })
})

describe('formatRatio', () => {
  it('should round down so a failing ratio never reads as passing', () => {
    expect(formatRatio(4.499)).toBe('4.49')
    expect(formatRatio(null)).toBe('?')
  })
})
