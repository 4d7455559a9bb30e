import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { GATE_CONFIG_PLACEHOLDER } from '@torii/schema'

export const DEFAULT_BANNER_DIST = fileURLToPath(new URL('../../../banner/dist/', import.meta.url))
export const DEFAULT_ADMIN_DIST = fileURLToPath(new URL('../../../admin/dist/', import.meta.url))

/** The built banner: the gate's source (with the placeholder) and the UI chunk path from its manifest. */
export interface BannerBundle {
  gateSource: string
  uiPath: string
}

interface BannerManifest {
  gate: string
  ui: string
}

/** How often the banner's manifest is looked at for a rebuild. */
export const BANNER_RECHECK_MS = 1000

/**
 * Reads the banner's `dist/` (manifest.json, gate.js), re-reading only when manifest.json changes, so a
 * rebuild during development is picked up (within BANNER_RECHECK_MS). Returns null while the banner is not
 * built.
 */
export function createBannerReader(dist: string, recheckMs = BANNER_RECHECK_MS): () => BannerBundle | null {
  let cached: { mtimeMs: number; bundle: BannerBundle } | null = null
  let checkedAt = Number.NEGATIVE_INFINITY
  return function readBanner() {
    // Every gate request asks: look at the disk at most once per interval, not once per page view.
    const now = performance.now()
    if (cached && now - checkedAt < recheckMs) return cached.bundle
    checkedAt = now
    const manifestPath = join(dist, 'manifest.json')
    let mtimeMs: number
    try {
      mtimeMs = statSync(manifestPath).mtimeMs
    } catch {
      return null
    }
    if (cached?.mtimeMs === mtimeMs) return cached.bundle
    try {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BannerManifest
      const gateSource = readFileSync(join(dist, manifest.gate), 'utf8')
      if (!gateSource.includes(GATE_CONFIG_PLACEHOLDER) || typeof manifest.ui !== 'string') return null
      cached = { mtimeMs, bundle: { gateSource, uiPath: `/${manifest.ui.replace(/^\/+/, '')}` } }
      return cached.bundle
    } catch {
      return null
    }
  }
}

/** JSON that is also safe inside a `<script>` and in every JS parser (no `</script>`, no U+2028/2029). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** The gate with the site's config in place of the placeholder. */
export function renderGate(bundle: BannerBundle, gateConfig: unknown): string {
  return bundle.gateSource.replace(GATE_CONFIG_PLACEHOLDER, () => jsonForScript(gateConfig))
}
