import type { BrowserContext, Page } from 'playwright-core'
import type { SiteHosts } from './same-site.ts'

/** What one visit keeps at most: a page that floods stays a bounded report (the cut is noted). */
export const VISIT_LIMITS = { requests: 2000, cookies: 1000, storageKeys: 500, scripts: 500, iframes: 200 }

export interface RecordedRequest {
  url: URL
  type: string
  initiator?: string
}

/** A URL without its query and fragment (they change per run and may carry identifiers). */
export const withoutQuery = (url: URL): string => `${url.host}${url.pathname}`

/** The script a request came from, as Chromium's `Network.requestWillBeSent` initiator tells. */
interface CdpInitiator {
  url?: string
  stack?: { callFrames: { url: string }[]; parent?: CdpInitiator['stack'] }
}
function initiatorUrl(initiator: CdpInitiator): string | undefined {
  let stack = initiator.stack
  while (stack) {
    const frame = stack.callFrames.find((call) => call.url)
    if (frame) return frame.url
    stack = stack.parent
  }
  return initiator.url || undefined
}

/**
 * Records a visit's requests to other sites' hosts (with their initiator where CDP tells), the cookies
 * responses set (name → the response), and how many requests are in flight, so the visit can wait for the
 * page to go quiet.
 */
export async function recordVisit(context: BrowserContext, page: Page, siteHosts: SiteHosts) {
  const requests: { url: URL; raw: string; type: string }[] = []
  const responseCookies = new Map<string, string>()
  const initiators = new Map<string, string>()
  let inFlight = 0
  let lastActivity = Date.now()
  let overflow = false

  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  cdp.on('Network.requestWillBeSent', (event) => {
    const url = initiatorUrl(event.initiator as CdpInitiator)
    if (url && initiators.size < VISIT_LIMITS.requests) initiators.set(event.request.url, url)
  })

  context.on('request', (request) => {
    inFlight++
    lastActivity = Date.now()
    let url: URL
    try {
      url = new URL(request.url())
    } catch {
      return
    }
    if (!/^https?:$/.test(url.protocol) || siteHosts.isSiteHost(url.hostname)) return
    if (requests.length >= VISIT_LIMITS.requests) {
      overflow = true
      return
    }
    requests.push({ url, raw: request.url(), type: request.resourceType() })
  })
  const settled = () => {
    inFlight = Math.max(0, inFlight - 1)
    lastActivity = Date.now()
  }
  context.on('requestfinished', settled)
  context.on('requestfailed', settled)
  context.on('response', (response) => {
    response
      .headerValues('set-cookie')
      .then((values) => {
        const from = response.url()
        for (const value of values) {
          if (responseCookies.size >= VISIT_LIMITS.cookies) return
          const name = value.split('=')[0]!.trim()
          if (name && !responseCookies.has(name)) responseCookies.set(name, from)
        }
      })
      .catch(() => {})
  })

  return {
    /** The requests so far; initiators are looked up now, as CDP's events may come after Playwright's. */
    requests: (): RecordedRequest[] =>
      requests.map(({ url, raw, type }) => ({ url, type, initiator: initiators.get(raw) })),
    responseCookies,
    get overflow() {
      return overflow
    },
    /** Forget the requests so far (the visit after a choice records from the click on). */
    clear() {
      requests.length = 0
    },
    /**
     * Waits until no request has been in flight for `quietMs`, or `maxMs` passed: a page that keeps a
     * request open forever is bounded, not waited for.
     */
    async quiet(quietMs = 500, maxMs = 3000) {
      const start = Date.now()
      while (Date.now() - start < maxMs) {
        if (inFlight === 0 && Date.now() - lastActivity >= quietMs) return
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    },
  }
}

export type VisitRecorder = Awaited<ReturnType<typeof recordVisit>>
