// The scanner's one place that asks "does this vendor pattern cover this URL / cookie name". The request
// rule follows the gate's (packages/banner/src/gate/hosts.ts `hostMatches`), which cannot be imported here
// (it reads `document` at load); issue #17 moves it into `@torii/schema/host-pattern` as
// `urlMatchesPattern(pattern, url)` with the `host/path…` form: swap the body of `urlMatchesVendorPattern`
// for that call and drop the copy below.

/** `*.x.com` matches x.com and any subdomain; `x.com` matches only itself (the gate's rule). */
const hostMatches = (pattern: string, host: string): boolean =>
  pattern[0] === '*' ? `.${host}`.endsWith(pattern.slice(1)) : host === pattern

/**
 * Whether a vendor's `hosts` entry covers `url`: the host part as the gate matches it and, in the
 * `host/path…` form, the rest as a prefix of the URL's path plus query (case-sensitive).
 */
export function urlMatchesVendorPattern(pattern: string, url: URL): boolean {
  const slash = pattern.indexOf('/')
  if (slash < 0) return hostMatches(pattern, url.hostname)
  return (
    hostMatches(pattern.slice(0, slash), url.hostname) &&
    `${url.pathname}${url.search}`.startsWith(pattern.slice(slash))
  )
}

/** Whether a vendor's cookie `name` (a trailing `*` = a prefix, as `_ga_*`) covers the cookie `cookieName`. */
export function cookieNameMatches(name: string, cookieName: string): boolean {
  return name.endsWith('*') ? cookieName.startsWith(name.slice(0, -1)) : cookieName === name
}
