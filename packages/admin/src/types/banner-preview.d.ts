/** Resolved by vite.config.ts to `@torii/banner/preview` when the banner exports it, or to a stub. */
declare module 'torii:banner-preview' {
  import type { RegionRule, SiteConfig } from '@torii/schema'
  /**
   * Mounts the real banner UI for `config` in `language` inside `host`, as a first visitor under `rule` sees it
   * (opt-in when absent); returns the unmount function.
   */
  export function mountPreview(
    host: HTMLElement,
    config: SiteConfig,
    language: string,
    rule?: RegionRule
  ): () => void
  /** Only the stub sets this. */
  export const unavailable: boolean | undefined
}
