import type { SiteHosts } from './same-site.ts'

/** Links to files that are not pages: not visited. */
const NOT_A_PAGE = /\.(pdf|zip|gz|jpe?g|png|gif|webp|svg|mp4|mp3|docx?|xlsx?|pptx?|xml|txt|csv|json)$/i

/**
 * The pages to visit, in the order found (the start URL, the sitemap's, then links): same-site http(s)
 * URLs without their fragment, each once, at most `limit`; what is found beyond is counted, not kept.
 */
export function createCrawlQueue(limit: number, siteHosts: SiteHosts) {
  const found: string[] = []
  const known = new Set<string>()
  let next = 0
  let beyondLimit = 0

  return {
    /** Adds `url` (absolute) if it is a same-site page not seen yet; returns whether it was kept. */
    add(url: string): boolean {
      let parsed: URL
      try {
        parsed = new URL(url)
      } catch {
        return false
      }
      if (!/^https?:$/.test(parsed.protocol) || !siteHosts.isSiteHost(parsed.hostname)) return false
      if (NOT_A_PAGE.test(parsed.pathname)) return false
      parsed.hash = ''
      const key = parsed.href
      if (known.has(key)) return false
      known.add(key)
      if (found.length >= limit) {
        beyondLimit++
        return false
      }
      found.push(key)
      return true
    },
    next: (): string | undefined => found[next++],
    get total() {
      return found.length
    },
    /** Pages kept but not visited yet. */
    get left() {
      return found.length - Math.min(next, found.length)
    },
    /** Same-site pages found after the limit was reached. */
    get beyondLimit() {
      return beyondLimit
    },
  }
}

export type CrawlQueue = ReturnType<typeof createCrawlQueue>
