/**
 * The scanned site's hosts: the start URL's host, and that host's parent without `www.` with its
 * subdomains (`www.example.jp` → `example.jp`, `shop.example.jp`). Without the public suffix list this is
 * deliberately narrow: a host outside it counts as another site's (third party).
 */
export function createSiteHosts(startUrl: URL) {
  const base = startUrl.hostname.replace(/^www\./, '')
  const isSiteHost = (host: string): boolean => host === base || host.endsWith(`.${base}`)
  return {
    isSiteHost,
    /** A cookie's domain (`.x.com` or `x.com`) belongs to the site. */
    isSiteCookieDomain: (domain: string): boolean => {
      const host = domain.replace(/^\./, '')
      return isSiteHost(host) || base.endsWith(`.${host}`)
    },
  }
}

export type SiteHosts = ReturnType<typeof createSiteHosts>
