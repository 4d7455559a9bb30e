import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { GATE_CONFIG_PLACEHOLDER, REGION_MODELS, type RegionModel } from '@torii/schema'

export const DEFAULT_BANNER_DIST = fileURLToPath(new URL('../../../banner/dist/', import.meta.url))
export const DEFAULT_ADMIN_DIST = fileURLToPath(new URL('../../../admin/dist/', import.meta.url))

/**
 * The built banner: the gate's source (with the placeholder) for each region model, and the UI chunk path from
 * its manifest.
 */
export interface BannerBundle {
  /** The gate built for each region model (the opt-in one is the gate of a site without regions). */
  gateSources: Record<RegionModel, string>
  uiPath: string
}

interface BannerManifest {
  /** The opt-in gate. */
  gate: string
  /** The gate of each region model; absent from a build before regions (then every model gets `gate`). */
  gates?: Partial<Record<RegionModel, string>>
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
      // A build before regions has one gate: the opt-in gate, which asks first, for every model (never
      // running a purpose by default where the rule would not).
      const gateSources = Object.fromEntries(
        REGION_MODELS.map((model) => [
          model,
          readFileSync(join(dist, manifest.gates?.[model] ?? manifest.gate), 'utf8'),
        ])
      ) as Record<RegionModel, string>
      const built = Object.values(gateSources).every((source) => source.includes(GATE_CONFIG_PLACEHOLDER))
      if (!built || typeof manifest.ui !== 'string') return null
      cached = { mtimeMs, bundle: { gateSources, uiPath: `/${manifest.ui.replace(/^\/+/, '')}` } }
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

/** The gate of a region model (default: opt-in, a site without regions) with the site's config in place of the placeholder. */
export function renderGate(bundle: BannerBundle, gateConfig: unknown, model: RegionModel = 'opt-in'): string {
  return bundle.gateSources[model].replace(GATE_CONFIG_PLACEHOLDER, () => jsonForScript(gateConfig))
}
