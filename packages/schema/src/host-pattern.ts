/**
 * Vendor host patterns (a vendor's `hosts`): `host`, `*.host` (the host itself and any subdomain), each
 * optionally followed by a path: from its first `/` on, a case-sensitive prefix of a URL's path and query
 * (`www.googletagmanager.com/gtm.js`, `www.googletagmanager.com/gtag/js?id=G-`). One matcher for the gate
 * (it bundles this module: written for bytes), the scanner and the admin.
 */

/**
 * The form `hostSchema` accepts: a lowercase host name, optionally `*.`-prefixed, then optionally a path
 * (and query) of URL characters as a browser writes them (percent-encoded; no `#`, no spaces).
 */
export const HOST_PATTERN = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/[\w\-.~!$&()*+;=:@%/?]*)?$/

/** How closely `url` matches `pattern`: 0 when it does not, else 1 + the length of the pattern's path. */
function matchScore(pattern: string, url: URL): number {
  const host = pattern.split('/')[0]!
  const path = pattern.slice(host.length)
  // biome-ignore lint/suspicious/noDoubleEquals lint/style/useTemplate: the gate bundles this: 15 B gzip less
  return (host[0] == '*' ? ('.' + url.hostname).endsWith(host.slice(1)) : url.hostname == host) &&
    (url.pathname + url.search).startsWith(path)
    ? path.length + 1
    : 0
}

/** Whether `url` is one `pattern` names: its host (`*.x.com`: x.com or a subdomain) and its path prefix. */
export const urlMatchesPattern = (pattern: string, url: URL): boolean => matchScore(pattern, url) > 0

/**
 * The vendor one of whose patterns `url` matches; when several do, the one whose matching pattern has the
 * longest path (`…/gtm.js` beats a bare `www.googletagmanager.com`), then the first in order.
 */
export function vendorMatchingUrl<V>(
  vendors: V[],
  hostsOf: (vendor: V) => string[],
  url: URL
): V | undefined {
  let found: V | undefined
  let best = 0
  for (const vendor of vendors)
    for (const pattern of hostsOf(vendor)) {
      const score = matchScore(pattern, url)
      if (score > best) {
        found = vendor
        best = score
      }
    }
  return found
}
