// The sitemap's page URLs. Only `<loc>` matters to the crawl, so a tolerant extractor reads it: a sitemap
// with a broken tag elsewhere still gives its pages, and one that is not a sitemap says so.

/** More bytes than this are not read: a sitemap over the limit is cut and the report says so. */
export const MAX_SITEMAP_BYTES = 5 * 1024 * 1024

export interface ParsedSitemap {
  /** Page URLs (`<urlset>`), in document order. */
  pages: string[]
  /** Nested sitemaps (`<sitemapindex>`). */
  sitemaps: string[]
  /** What was wrong with it, if anything. */
  problem?: string
}

const LOC = /<loc>\s*([^<]*?)\s*<\/loc>/g

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name) => XML_ENTITIES[name]!)

/**
 * Reads the `<loc>` entries of a sitemap's text (at most `limit` of them); `complete: false` for a text
 * cut at the read limit, whose missing end is no fault of the sitemap.
 */
export function parseSitemap(text: string, limit: number, complete = true): ParsedSitemap {
  const isIndex = /<sitemapindex[\s>]/.test(text)
  if (!isIndex && !/<urlset[\s>]/.test(text)) {
    return { pages: [], sitemaps: [], problem: 'not a sitemap (no <urlset> or <sitemapindex>)' }
  }
  const locs: string[] = []
  for (const match of text.matchAll(LOC)) {
    if (locs.length >= limit) break
    locs.push(unescapeXml(match[1]!))
  }
  const closed = isIndex ? /<\/sitemapindex>\s*$/.test(text) : /<\/urlset>\s*$/.test(text)
  const problem = closed || !complete ? undefined : 'malformed (not closed); read the <loc> entries found'
  return isIndex ? { pages: [], sitemaps: locs, problem } : { pages: locs, sitemaps: [], problem }
}
