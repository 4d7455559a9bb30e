import { GATE } from '@torii/schema/gate-config'
import { doc } from './dom.ts'
import type { GateConfig } from './types.ts'

/** `*.x.com` matches x.com and any subdomain; `x.com` matches only itself. */
export const hostMatches = (pattern: string, host: string): boolean =>
  pattern[0] == '*' ? ('.' + host).endsWith(pattern.slice(1)) : host == pattern

/** The key of the configured vendor whose hosts serve `url`, if any. */
export function vendorOfUrl(cfg: GateConfig, url: string): string | undefined {
  try {
    const host = new URL(url, doc.URL).hostname
    return cfg[GATE.vendors].find(([, , hosts]) => hosts.some((h) => hostMatches(h, host)))?.[0]
  } catch {}
}
