import type { RegionRule, SiteConfig } from '@torii/schema'

/** Marks this module as the stand-in used while `@torii/banner/preview` does not exist. */
export const unavailable = true

/** Throws: the admin shows a notice instead of the preview. */
export function mountPreview(
  _host: HTMLElement,
  _config: SiteConfig,
  _language: string,
  _rule?: RegionRule
): () => void {
  throw new Error('The banner preview is not available in this build')
}
