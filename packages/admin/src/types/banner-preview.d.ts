/** Resolved by vite.config.ts to `@torii/banner/preview` when the banner exports it, or to a stub. */
declare module 'torii:banner-preview' {
  import type { SiteConfig } from '@torii/schema'
  /** Mounts the real banner UI for `config` in `language` inside `host`; returns the unmount function. */
  export function mountPreview(host: HTMLElement, config: SiteConfig, language: string): () => void
  /** Only the stub sets this. */
  export const unavailable: boolean | undefined
}
