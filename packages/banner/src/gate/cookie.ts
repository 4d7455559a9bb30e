import type { Choice } from './types.ts'
import { warn } from './warn.ts'

/** The cookie's name (format: docs/cookie-format.md). */
export const COOKIE_NAME = 'torii'
/** `1~<consent id>~<revision>~<decided at, unix seconds>~<purposes>~<vendors>`; lists of keys joined by `.`, `!key` denied. */
const FORMAT = /^1~[\w-]{16,64}~\d{1,9}~\d{1,12}(~(!?[a-z][a-z\d-]*(\.!?[a-z][a-z\d-]*)*)?){2}$/

const list = (map: Record<string, boolean>) =>
  Object.keys(map)
    .map((k) => (map[k] ? k : '!' + k))
    .join('.')

function parseList(text: string): Record<string, boolean> {
  const map: Record<string, boolean> = {}
  for (const item of text.split('.')) if (item) map[item.replace('!', '')] = item[0] != '!'
  return map
}

export const serializeChoice = (c: Choice): string =>
  ['1', c.id, c.rev, Math.floor(c.at / 1000), list(c.p), list(c.v)].join('~')

/** Parses a cookie value; anything malformed (another script's `torii` too) is no choice, named in a warning. */
export function parseChoice(value: string): Choice | null {
  const [, id, rev, at, p, v] = value.split('~')
  if (FORMAT.test(value)) return { id, rev: +rev, at: +at * 1000, p: parseList(p), v: parseList(v) }
  warn('ignored a malformed "torii" cookie')
  return null
}

/** The newest valid choice among the `torii` cookies of `cookies` (`document.cookie`: host and domain copies). */
export function readChoice(cookies: string): Choice | null {
  let best: Choice | null = null
  for (const part of cookies.split('; ')) {
    const [name, value] = part.split('=')
    const choice = name == COOKIE_NAME && parseChoice(value)
    if (choice && !(best && best.at > choice.at)) best = choice
  }
  return best
}

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
