import type { Choice } from '../gate/types.ts'
import { COOKIE_NAME } from '../shared/constants.ts'

/** A choice's flags as the cookie lists them: keys joined by `.`, `!key` denied (read by src/gate/cookie.ts). */
const list = (flags: Record<string, boolean>) =>
  Object.keys(flags)
    .map((k) => (flags[k] ? k : '!' + k))
    .join('.')

/** The cookie value of a choice (docs/cookie-format.md). */
export const serializeChoice = (c: Choice): string =>
  ['1', c.id, c.rev, Math.floor(c.at / 1000), list(c.p), list(c.v)].join('~')

function setCookie(name: string, value: string, maxAge: number, domain?: string | null) {
  document.cookie = `${name}=${value};Path=/;Max-Age=${maxAge};SameSite=Lax${location.protocol == 'https:' ? ';Secure' : ''}${domain ? ';Domain=' + domain : ''}`
}

/** Writes the choice for `days`; with a cookie domain, also drops a host-only copy left from before. */
export function writeChoice(choice: Choice, days: number, domain?: string | null): void {
  if (domain) setCookie(COOKIE_NAME, '', 0)
  setCookie(COOKIE_NAME, serializeChoice(choice), Math.round(days * 86400), domain)
}

/** The current host and each parent domain (`a.b.c` → `a.b.c`, `b.c`, `c`), plus the cookie domain. */
export function domainsOf(host: string, extra?: string | null): string[] {
  const labels = host.split('.')
  return labels.map((_, i) => labels.slice(i).join('.')).concat(extra || [])
}

/** A vendor's cookie names match exactly, or by prefix when they end in `*` (`_ga_*`). */
export const cookieMatches = (patterns: string[], name: string): boolean =>
  patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name == p))

/** Deletes first-party cookies whose names match on this host and its parent domains (UI-10). */
export function deleteCookies(patterns: string[], domain?: string | null): void {
  for (const part of document.cookie.split('; ')) {
    const name = part.split('=')[0]
    if (name && cookieMatches(patterns, name)) {
      setCookie(name, '', 0)
      for (const d of domainsOf(location.hostname, domain)) setCookie(name, '', 0, d)
    }
  }
}
