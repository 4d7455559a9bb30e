import type { SiteConfig } from '@torii/schema'
import {
  MAX_SCAN_PAGES,
  type ScannedPage,
  type ScanPhase,
  type ScanProgress,
  type ScanReport,
} from '@torii/schema/scan-report'
import { type CatalogVendor, VENDOR_CATALOG } from '@torii/schema/vendor-catalog'
import type { Browser } from 'playwright-core'
import { launchScanBrowser, type ScanBrowserOptions } from './chromium.ts'
import { type CrawlQueue, createCrawlQueue } from './crawl-queue.ts'
import { buildFindings } from './findings.ts'
import { visitPage } from './page-visit.ts'
import { createSiteHosts, type SiteHosts } from './same-site.ts'
import { readSitemap } from './sitemap-fetch.ts'
import { compareText } from './sort-order.ts'
import { createVendorMatcher, type VendorMatcher } from './vendor-matcher.ts'

export const SCAN_DEFAULTS = { pages: 10, maxTimeSeconds: 300, pageTimeoutSeconds: 20 }

export interface ScanOptions {
  /** The first page; the site is its host (and its subdomains, `www.` aside). */
  url: string
  /** At most this many pages (default 10). */
  pages?: number
  /** The whole scan stops starting pages after this many seconds (default 300). */
  maxTimeSeconds?: number
  /** One navigation's limit (default 20 s): a page that never finishes loading is cut there. */
  pageTimeoutSeconds?: number
  /** The site's published config to compare with (`--site`); without it every vendor seen is undeclared. */
  config?: SiteConfig
  siteId?: string
  catalog?: CatalogVendor[]
  browser?: ScanBrowserOptions
  onProgress?: (progress: ScanProgress) => void
  /** Stops the scan: the browser closes and `scanSite` rejects with the signal's reason. */
  signal?: AbortSignal
}

/** Bad scan options (not a bad site): the URL or a limit. */
export class ScanInputError extends Error {
  override name = 'ScanInputError'
}

/** Checks the options before a browser starts; returns the start URL. */
export function checkScanOptions(options: ScanOptions): URL {
  let url: URL
  try {
    url = new URL(options.url)
  } catch {
    throw new ScanInputError(`URL ${JSON.stringify(options.url)} is not an absolute URL (https://…)`)
  }
  if (!/^https?:$/.test(url.protocol)) throw new ScanInputError(`URL must be http(s), not ${url.protocol}`)
  const pages = options.pages ?? SCAN_DEFAULTS.pages
  if (!Number.isInteger(pages) || pages < 1 || pages > MAX_SCAN_PAGES)
    throw new ScanInputError(`pages must be a whole number from 1 to ${MAX_SCAN_PAGES}, not ${pages}`)
  const seconds = options.maxTimeSeconds ?? SCAN_DEFAULTS.maxTimeSeconds
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new ScanInputError(`max time must be a positive number of seconds, not ${seconds}`)
  return url
}

/**
 * Scans a site: its sitemap's pages, then same-site links, each visited by a fresh visitor and, where Torii
 * is on the page, after Reject all and after Accept all; then matches what was seen against the config
 * and the catalog. Bad pages are reported in the report, never thrown; only bad options and a missing
 * Chromium throw.
 */
export async function scanSite(options: ScanOptions): Promise<ScanReport> {
  const start = checkScanOptions(options)
  const limit = options.pages ?? SCAN_DEFAULTS.pages
  const maxTimeSeconds = options.maxTimeSeconds ?? SCAN_DEFAULTS.maxTimeSeconds
  const pageTimeoutMs = (options.pageTimeoutSeconds ?? SCAN_DEFAULTS.pageTimeoutSeconds) * 1000
  const scannedAt = new Date()
  const deadline = scannedAt.getTime() + maxTimeSeconds * 1000
  const timeLeft = () => Math.max(1000, Math.min(pageTimeoutMs, deadline - Date.now()))
  const siteHosts = createSiteHosts(start)
  const queue = createCrawlQueue(limit, siteHosts)
  const notes: string[] = []
  const pages: ScannedPage[] = []
  const progress = (current?: { url: string; phase: ScanPhase }) =>
    options.onProgress?.({ done: pages.length, total: queue.total, ...(current ? { current } : {}) })

  const matcher = createVendorMatcher({ catalog: options.catalog ?? VENDOR_CATALOG, config: options.config })
  const browser = await launchScanBrowser(options.browser)
  const crawl: Crawl = { browser, siteHosts, matcher, queue, timeLeft }
  const stop = () => browser.close().catch(() => {})
  options.signal?.addEventListener('abort', stop, { once: true })
  try {
    queue.add(start.href)
    progress()
    const sitemap = await readSitemap(browser, start.origin, limit, timeLeft())
    notes.push(...sitemap.notes)
    for (const url of sitemap.pages) queue.add(url)
    for (let url = queue.next(); url; url = queue.next()) {
      options.signal?.throwIfAborted()
      if (Date.now() >= deadline) {
        notes.push(`time limit of ${maxTimeSeconds} s reached: ${queue.left + 1} pages not scanned`)
        break
      }
      pages.push(await scanPage(crawl, url, (phase) => progress({ url, phase })))
      progress()
    }
    options.signal?.throwIfAborted()
  } finally {
    options.signal?.removeEventListener('abort', stop)
    await browser.close().catch(() => {})
  }
  if (queue.beyondLimit > 0)
    notes.push(`page limit of ${limit} reached: ${queue.beyondLimit} more same-site pages found`)

  pages.sort((a, b) => compareText(a.url, b.url))
  return {
    scannedAt: scannedAt.toISOString(),
    url: start.href,
    ...(options.siteId ? { siteId: options.siteId } : {}),
    limits: { pages: limit, maxTimeSeconds },
    pages,
    ...buildFindings(pages, matcher),
    notes,
  }
}

/** What every page of one scan shares. */
interface Crawl {
  browser: Browser
  siteHosts: SiteHosts
  matcher: VendorMatcher
  queue: CrawlQueue
  /** The time one navigation may take now: the page timeout, or what is left of the scan's. */
  timeLeft: () => number
}

/** A page's visits: the fresh one, then (with Torii) after Reject all and after Accept all. */
async function scanPage(
  crawl: Crawl,
  url: string,
  onPhase: (phase: ScanPhase) => void
): Promise<ScannedPage> {
  const visit = (phase: ScanPhase) => {
    onPhase(phase)
    const { browser, siteHosts, matcher } = crawl
    return visitPage(browser, { url, phase, siteHosts, matcher, timeoutMs: crawl.timeLeft() })
  }
  const fresh = await visit('fresh')
  if (fresh.error || !fresh.visit) return { url, torii: false, error: fresh.error, visits: [] }
  for (const link of fresh.links) crawl.queue.add(link)
  const visits = [fresh.visit]
  if (fresh.torii) {
    for (const phase of ['rejected', 'accepted'] as const) {
      const chosen = await visit(phase)
      if (chosen.visit) visits.push(chosen.visit)
      else if (chosen.error) fresh.visit.notes.push(`${phase} visit: ${chosen.error}`)
    }
  }
  return { url, torii: fresh.torii, visits }
}
