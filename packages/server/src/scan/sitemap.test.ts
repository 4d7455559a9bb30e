import { describe, expect, it } from 'vitest'
import { parseSitemap } from './sitemap.ts'

describe('parseSitemap', () => {
  it('reads the <loc> entries of a urlset, unescaped, up to the limit', () => {
    const text = `<?xml version="1.0"?><urlset><url><loc> https://x.jp/a?b=1&amp;c=2 </loc></url>
      <url><loc>https://x.jp/b</loc></url><url><loc>https://x.jp/c</loc></url></urlset>`
    expect(parseSitemap(text, 2)).toEqual({
      pages: ['https://x.jp/a?b=1&c=2', 'https://x.jp/b'],
      sitemaps: [],
    })
  })

  it('reads a sitemap index as nested sitemaps', () => {
    const text = '<sitemapindex><sitemap><loc>https://x.jp/s1.xml</loc></sitemap></sitemapindex>'
    expect(parseSitemap(text, 10)).toEqual({ pages: [], sitemaps: ['https://x.jp/s1.xml'] })
  })

  it('says what is wrong with a malformed or foreign file, keeping what it could read', () => {
    expect(parseSitemap('<urlset><url><loc>https://x.jp/a</loc></url><<', 10)).toEqual({
      pages: ['https://x.jp/a'],
      sitemaps: [],
      problem: 'malformed (not closed); read the <loc> entries found',
    })
    expect(parseSitemap('<html>not found</html>', 10).problem).toBe(
      'not a sitemap (no <urlset> or <sitemapindex>)'
    )
    // Cut at the read limit: its missing end is the reader's doing.
    expect(
      parseSitemap('<urlset><url><loc>https://x.jp/a</loc></url><url><lo', 10, false).problem
    ).toBeUndefined()
  })
})
