import type { PageVisit, ScannedCookie, ScannedRequest, ScanPhase } from '@torii/schema/scan-report'
import type { Cookie, Page } from 'playwright-core'
import { readCookieWrites } from './cookie-watch.ts'
import type { SiteHosts } from './same-site.ts'
import { compareText, sortedUnique } from './sort-order.ts'
import type { VendorMatcher } from './vendor-matcher.ts'
import { VISIT_LIMITS, type VisitRecorder, withoutQuery } from './visit-recorder.ts'

const DAY_S = 86_400

/** A promise bounded in time: a page stuck in a script loop cannot hang the scan. */
export function bounded<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms)
  })
  return Promise.race([promise.catch(() => fallback), timeout]).finally(() => clearTimeout(timer))
}

export interface CollectOptions {
  phase: ScanPhase
  siteHosts: SiteHosts
  matcher: VendorMatcher
  recorder: VisitRecorder
  /** The visit's notes so far; collecting adds what it had to cut. */
  notes: string[]
  timeoutMs: number
  /** Torii's own host: its requests are not reported. */
  gateHost: string | undefined
}

interface PageFacts {
  localStorage: string[]
  sessionStorage: string[]
  inlineScripts: number
}

const PAGE_FACTS = `(() => {
  const keys = (store) => { try { return Object.keys(store) } catch { return [] } }
  return {
    localStorage: keys(localStorage),
    sessionStorage: keys(sessionStorage),
    inlineScripts: Array.from(document.scripts).filter((s) => !s.src && s.textContent.trim()).length,
  }
})()`

/**
 * What the visit left and saw, as the report keeps it: vendors are recognised here, on full URLs (a
 * pattern's path part may name a query, `gtag/js?id=AW-`), before queries are dropped for the report.
 */
export async function collectVisit(page: Page, options: CollectOptions): Promise<PageVisit> {
  const { matcher, recorder, notes, timeoutMs } = options
  const facts = await bounded(page.evaluate(PAGE_FACTS) as Promise<PageFacts>, timeoutMs, {
    localStorage: [],
    sessionStorage: [],
    inlineScripts: 0,
  })
  const writes = await bounded(page.evaluate(readCookieWrites) as Promise<[string, string][]>, timeoutMs, [])
  const scriptWriters = new Map<string, string>()
  for (const [name, at] of writes) if (at && !scriptWriters.has(name)) scriptWriters.set(name, at)
  const browserCookies = await page.context().cookies()
  const now = Date.now() / 1000
  const cookies = browserCookies.slice(0, VISIT_LIMITS.cookies).map((cookie) => {
    const script = scriptWriters.get(cookie.name)
    const response = recorder.responseCookies.get(cookie.name)
    const setter = script ?? response
    const scanned = scannedCookie(cookie, now, options.siteHosts)
    const vendor = matcher.ofCookie(scanned, setter ? new URL(setter) : undefined)
    return {
      ...scanned,
      ...(setter ? { setBy: `${script ? '' : 'response '}${withoutQuery(new URL(setter))}` } : {}),
      ...(vendor ? { vendor: vendor.key } : {}),
    }
  })
  if (browserCookies.length > VISIT_LIMITS.cookies)
    notes.push(`${browserCookies.length} cookies; the first ${VISIT_LIMITS.cookies} are listed`)
  if (recorder.overflow) notes.push(`more than ${VISIT_LIMITS.requests} requests; the first are listed`)

  const recorded = recorder.requests().filter((request) => request.url.host !== options.gateHost)
  const requests = dedupe(
    recorded.map((request): ScannedRequest => {
      const vendor = matcher.ofUrl(request.url)
      return {
        host: request.url.host,
        path: request.url.pathname,
        type: request.type,
        ...(request.initiator ? { initiator: withoutQuery(new URL(request.initiator)) } : {}),
        ...(vendor ? { vendor: vendor.key } : {}),
      }
    })
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
    phase: options.phase,
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

function scannedCookie(cookie: Cookie, now: number, siteHosts: SiteHosts): ScannedCookie {
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
  }
}

const compareCookies = (a: ScannedCookie, b: ScannedCookie) =>
  compareText(a.name, b.name) || compareText(a.domain, b.domain) || compareText(a.path, b.path)

function dedupe(requests: ScannedRequest[]): ScannedRequest[] {
  const seen = new Map<string, ScannedRequest>()
  for (const request of requests) {
    const key = [
      request.host,
      request.path,
      request.type,
      request.initiator ?? '',
      request.vendor ?? '',
    ].join(' ')
    if (!seen.has(key)) seen.set(key, request)
  }
  return [...seen.entries()].sort(([a], [b]) => compareText(a, b)).map(([, request]) => request)
}
