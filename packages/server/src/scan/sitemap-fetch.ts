import type { Browser, Page } from 'playwright-core'
import { MAX_SITEMAP_BYTES, parseSitemap } from './sitemap.ts'

/** A sitemap index may point at this many sitemaps; the rest are not read. */
const MAX_NESTED_SITEMAPS = 5

export interface SitemapPages {
  pages: string[]
  /** What went wrong or was cut, for the report's notes. */
  notes: string[]
}

/** Reads at most `maxBytes` of `url` from inside the page (same origin), streaming, so a huge file is cut. */
const READ_SAME_ORIGIN = `async ([url, maxBytes]) => {
  const response = await fetch(url, { redirect: 'follow' })
  if (!response.ok) return { status: response.status, text: '', cut: false }
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let bytes = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return { status: response.status, text, cut: false }
    bytes += value.byteLength
    text += decoder.decode(value, { stream: true })
    if (bytes >= maxBytes) { reader.cancel().catch(() => {}); return { status: response.status, text, cut: true } }
  }
}`

interface Fetched {
  status: number
  text: string
  cut: boolean
}

/**
 * The site's `/sitemap.xml` pages (and those of the sitemaps an index names, up to a few), at most `limit`.
 * It is read from a page on the site's origin, so Chromium's network settings (proxy, host rules) apply
 * as for the pages themselves. Never throws: problems become notes.
 */
export async function readSitemap(
  browser: Browser,
  origin: string,
  limit: number,
  timeoutMs: number
): Promise<SitemapPages> {
  const notes: string[] = []
  const context = await browser.newContext({ serviceWorkers: 'block' })
  try {
    const page = await context.newPage()
    // Any answer (a 404 too) gives a document on the origin to fetch from. Not a stand-in document: Chromium
    // refuses requests from a page it did not load from the network to a local address.
    await page.goto(`${origin}/robots.txt`, { waitUntil: 'commit', timeout: timeoutMs })
    const pages: string[] = []
    const queue = [`${origin}/sitemap.xml`]
    for (let read = 0; queue.length > 0 && read <= MAX_NESTED_SITEMAPS; read++) {
      const url = queue.shift()!
      const fetched = await fetchText(page, url, timeoutMs)
      if (typeof fetched === 'string') {
        notes.push(`sitemap ${url}: ${fetched}`)
        continue
      }
      if (fetched.status === 404 && read === 0) return { pages, notes }
      if (fetched.status >= 400) {
        notes.push(`sitemap ${url}: HTTP ${fetched.status}`)
        continue
      }
      if (fetched.cut)
        notes.push(`sitemap ${url}: larger than ${MAX_SITEMAP_BYTES} bytes; read the first part`)
      const parsed = parseSitemap(fetched.text, limit - pages.length, !fetched.cut)
      if (parsed.problem) notes.push(`sitemap ${url}: ${parsed.problem}`)
      pages.push(...parsed.pages)
      queue.push(...parsed.sitemaps.filter((nested) => nested.startsWith(`${origin}/`)))
      if (pages.length >= limit) break
    }
    if (queue.length > 0) notes.push(`sitemap index: ${queue.length} more sitemaps not read`)
    return { pages, notes }
  } catch (error) {
    notes.push(`sitemap: ${String((error as Error).message ?? error).split('\n')[0]}`)
    return { pages: [], notes }
  } finally {
    await context.close().catch(() => {})
  }
}

async function fetchText(page: Page, url: string, timeoutMs: number): Promise<Fetched | string> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`not read within ${Math.round(timeoutMs / 1000)} s`), timeoutMs)
  })
  const read = page.evaluate(`(${READ_SAME_ORIGIN})(${JSON.stringify([url, MAX_SITEMAP_BYTES])})`).then(
    (value) => value as Fetched,
    (error: Error) => `could not be read (${error.message.split('\n')[0]})`
  )
  return Promise.race([read, timeout]).finally(() => clearTimeout(timer))
}
