import type { GateConfig } from './types.ts'

/** `*.x.com` matches x.com and any subdomain; `x.com` matches only itself. */
export function hostMatches(pattern: string, host: string): boolean {
  const base = pattern.replace(/^\*\./, '')
  return host == base || (base != pattern && host.endsWith('.' + base))
}

/** The key of the configured vendor whose hosts serve `url`, if any. */
export function vendorOfUrl(cfg: GateConfig, url: string): string | undefined {
  try {
    const host = new URL(url, location.href).hostname
    return cfg.vendors.find((vendor) => vendor.hosts.some((h) => hostMatches(h, host)))?.key
  } catch {}
}
