import type { PageVisit, ScanPhase } from '@torii/schema/scan-report'
import type { Browser, Page } from 'playwright-core'
import { bounded, collectVisit } from './collect-visit.ts'
import { chooseInBanner, hasTorii, toriiHost } from './consent-click.ts'
import { COOKIE_WATCH_SCRIPT } from './cookie-watch.ts'
import type { SiteHosts } from './same-site.ts'
import type { VendorMatcher } from './vendor-matcher.ts'
import { recordVisit } from './visit-recorder.ts'

/** How long the gate gets to appear after the load event, and the banner to answer a click. */
const TORII_WAIT_MS = 5000

export interface VisitOptions {
  url: string
  phase: ScanPhase
  siteHosts: SiteHosts
  /** Recognises vendors by the full URLs and cookie writers the visit sees (the report keeps less). */
  matcher: VendorMatcher
  /** The most one navigation may take (a page that never finishes loading is cut at this). */
  timeoutMs: number
}

export interface VisitResult {
  /** Absent when the phase needs Torii and the page has none, or the page failed. */
  visit?: PageVisit
  torii: boolean
  /** Why the page could not be opened at all. */
  error?: string
  /** Links on the page (fresh visit only), absolute. */
  links: string[]
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0]!
const isTimeout = (error: unknown) => (error as Error)?.name === 'TimeoutError'

/** Opens `url` in a fresh context, makes the phase's choice in Torii's banner, and records what happened. */
export async function visitPage(browser: Browser, options: VisitOptions): Promise<VisitResult> {
  const { url, phase, timeoutMs } = options
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 800 },
  })
  try {
    await context.addInitScript({ content: COOKIE_WATCH_SCRIPT })
    const page = await context.newPage()
    page.on('dialog', (dialog) => dialog.dismiss().catch(() => {}))
    const recorder = await recordVisit(context, page, options.siteHosts)
    const notes: string[] = []

    const opened = await open(page, url, timeoutMs, notes)
    if (opened.error) return { torii: false, error: opened.error, links: [] }
    await recorder.quiet()
    // No gate script, no Torii: only a page that loads the gate is waited on for it.
    const gateHost = await bounded(toriiHost(page), timeoutMs, undefined)
    const torii = gateHost ? await hasTorii(page, TORII_WAIT_MS) : false
    if (phase !== 'fresh') {
      if (!torii) return { torii, links: [] }
      try {
        await chooseInBanner(page, phase, TORII_WAIT_MS * 2)
        // What the choice releases, then the next page view under it.
        recorder.clear()
        await recorder.quiet()
        await page.reload({ waitUntil: 'load', timeout: timeoutMs })
        await recorder.quiet()
      } catch (error) {
        notes.push(
          `the ${phase === 'rejected' ? 'Reject all' : 'Accept all'} visit stopped: ${firstLine(error)}`
        )
      }
    }
    const visit = await collectVisit(page, { ...options, recorder, notes, gateHost })
    const links =
      phase === 'fresh' ? await bounded(page.evaluate(LINKS) as Promise<string[]>, timeoutMs, []) : []
    return { visit, torii, links }
  } finally {
    await context.close().catch(() => {})
  }
}

async function open(
  page: Page,
  url: string,
  timeoutMs: number,
  notes: string[]
): Promise<{ error?: string }> {
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs })
    if (response && response.status() >= 400) notes.push(`answered HTTP ${response.status()}`)
    return {}
  } catch (error) {
    if (!isTimeout(error)) return { error: firstLine(error) }
    // Whatever the page did until then is still recorded.
    notes.push(
      `did not finish loading within ${Math.round(timeoutMs / 1000)} s; recorded what it did until then`
    )
    return {}
  }
}

const LINKS = `Array.from(document.querySelectorAll('a[href]'), (a) => a.href).slice(0, 2000)`
