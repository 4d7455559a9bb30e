import type { GateConfig } from './types.ts'

/** `*.x.com` matches x.com and any subdomain; `x.com` matches only itself. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2)
    return host === base || host.endsWith('.' + base)
  }
  return host === pattern
}

/** The key of the configured vendor whose hosts serve `url`, if any. */
export function vendorOfUrl(cfg: GateConfig, url: string): string | undefined {
  let host: string
  try {
    host = new URL(url, location.href).hostname
  } catch {
    return
  }
  for (const vendor of cfg.vendors) if (vendor.hosts.some((h) => hostMatches(h, host))) return vendor.key
}
