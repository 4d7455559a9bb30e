import type { PageVisit, ScannedCookie, ScannedRequest, ScanPhase } from '@torii/schema/scan-report'
import type { Browser, Cookie, Page } from 'playwright-core'
import { chooseInBanner, hasTorii, toriiHost } from './consent-click.ts'
import { COOKIE_WATCH_SCRIPT, readCookieWrites } from './cookie-watch.ts'
import type { SiteHosts } from './same-site.ts'
import { compareText, sortedUnique } from './sort-order.ts'
import { recordVisit, VISIT_LIMITS, type VisitRecorder, withoutQuery } from './visit-recorder.ts'

const DAY_S = 86_400
/** How long the gate gets to appear after the load event, and the banner to answer a click. */
const TORII_WAIT_MS = 5000

export interface VisitOptions {
  url: string
  phase: ScanPhase
  siteHosts: SiteHosts
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

/** A promise bounded in time: a page stuck in a script loop cannot hang the scan. */
function bounded<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms)
  })
  return Promise.race([promise.catch(() => fallback), timeout]).finally(() => clearTimeout(timer))
}

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
    const visit = await collect(page, phase, options.siteHosts, recorder, notes, timeoutMs, gateHost)
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

interface PageFacts {
  localStorage: string[]
  sessionStorage: string[]
  inlineScripts: number
}

const LINKS = `Array.from(document.querySelectorAll('a[href]'), (a) => a.href).slice(0, 2000)`
const PAGE_FACTS = `(() => {
  const keys = (store) => { try { return Object.keys(store) } catch { return [] } }
  return {
    localStorage: keys(localStorage),
    sessionStorage: keys(sessionStorage),
    inlineScripts: Array.from(document.scripts).filter((s) => !s.src && s.textContent.trim()).length,
  }
})()`

async function collect(
  page: Page,
  phase: ScanPhase,
  siteHosts: SiteHosts,
  recorder: VisitRecorder,
  notes: string[],
  timeoutMs: number,
  gateHost: string | undefined
): Promise<PageVisit> {
  const facts = await bounded(page.evaluate(PAGE_FACTS) as Promise<PageFacts>, timeoutMs, {
    localStorage: [],
    sessionStorage: [],
    inlineScripts: 0,
  })
  const writes = await bounded(page.evaluate(readCookieWrites) as Promise<[string, string][]>, timeoutMs, [])
  const writers = new Map<string, string>()
  for (const [name, at] of writes) if (at && !writers.has(name)) writers.set(name, withoutQuery(new URL(at)))
  const browserCookies = await page.context().cookies()
  const now = Date.now() / 1000
  const cookies = browserCookies
    .slice(0, VISIT_LIMITS.cookies)
    .map((cookie) =>
      scannedCookie(
        cookie,
        now,
        siteHosts,
        writers.get(cookie.name) ?? recorder.responseCookies.get(cookie.name)
      )
    )
  if (browserCookies.length > VISIT_LIMITS.cookies)
    notes.push(`${browserCookies.length} cookies; the first ${VISIT_LIMITS.cookies} are listed`)
  if (recorder.overflow) notes.push(`more than ${VISIT_LIMITS.requests} requests; the first are listed`)

  const recorded = recorder.requests().filter((request) => request.url.host !== gateHost)
  const requests = dedupe(
    recorded.map(
      (request): ScannedRequest => ({
        host: request.url.host,
        path: request.url.pathname,
        type: request.type,
        ...(request.initiator ? { initiator: withoutQuery(new URL(request.initiator)) } : {}),
      })
    )
  )
  const scripts = sortedUnique(
    recorded.filter((request) => request.type === 'script').map((request) => withoutQuery(request.url))
  ).slice(0, VISIT_LIMITS.scripts)
  const iframes = sortedUnique(
    page
      .frames()
      .slice(1)
      .map((frame) => frame.url())
      .filter((url) => /^https?:/.test(url))
      .map((url) => withoutQuery(new URL(url)))
  ).slice(0, VISIT_LIMITS.iframes)
  return {
    phase,
    cookies: cookies.sort(compareCookies),
    localStorage: sortedUnique(facts.localStorage).slice(0, VISIT_LIMITS.storageKeys),
    sessionStorage: sortedUnique(facts.sessionStorage).slice(0, VISIT_LIMITS.storageKeys),
    requests,
    scripts,
    inlineScripts: facts.inlineScripts,
    iframes,
    notes,
  }
}

function scannedCookie(cookie: Cookie, now: number, siteHosts: SiteHosts, setBy?: string): ScannedCookie {
  return {
    name: cookie.name,
    domain: cookie.domain,
    path: cookie.path,
    // Rounded up: a cookie for an hour lives "1 day" in the table, not 0; a whole number of days stays itself.
    lifetimeDays: cookie.expires < 0 ? null : Math.max(0, Math.ceil((cookie.expires - now) / DAY_S)),
    party: siteHosts.isSiteCookieDomain(cookie.domain) ? 'first' : 'third',
    httpOnly: cookie.httpOnly,
    secure: cookie.secure,
    sameSite: cookie.sameSite,
    ...(setBy ? { setBy } : {}),
  }
}

const compareCookies = (a: ScannedCookie, b: ScannedCookie) =>
  compareText(a.name, b.name) || compareText(a.domain, b.domain) || compareText(a.path, b.path)

function dedupe(requests: ScannedRequest[]): ScannedRequest[] {
  const seen = new Map<string, ScannedRequest>()
  for (const request of requests) {
    const key = [request.host, request.path, request.type, request.initiator ?? ''].join(' ')
    if (!seen.has(key)) seen.set(key, request)
  }
  return [...seen.entries()].sort(([a], [b]) => compareText(a, b)).map(([, request]) => request)
}
