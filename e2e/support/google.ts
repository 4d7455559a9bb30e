import { readFileSync } from 'node:fs'
import type { BrowserContext, Page, Route } from 'playwright-core'

/** Domains owned by Google: a request to any of them (or a subdomain) counts as a Google request. */
export const GOOGLE_DOMAINS = [
  'google.com',
  'google.co.jp',
  'googletagmanager.com',
  'google-analytics.com',
  'googlesyndication.com',
  'googleadservices.com',
  'googletagservices.com',
  'googleapis.com',
  'googleusercontent.com',
  'doubleclick.net',
  'gstatic.com',
  'youtube.com',
  'youtube-nocookie.com',
  'ytimg.com',
]

/** Hosts the suite lets through: only the local test server. */
export const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]']
/** Names a test maps to 127.0.0.1 (see TEST_DOMAIN_ARGS): local too. */
export const TEST_DOMAIN = 'xtra.test'

const isLocal = (host: string) =>
  LOCAL_HOSTS.includes(host) || host === TEST_DOMAIN || host.endsWith(`.${TEST_DOMAIN}`)

const GTAG_STUB = readFileSync(new URL('./stubs/gtag.js', import.meta.url), 'utf8')
const ADSBYGOOGLE_STUB = readFileSync(new URL('./stubs/adsbygoogle.js', import.meta.url), 'utf8')

/** True for Google's hosts, including the `.google` TLD (e.g. `ep1.adtrafficquality.google`). */
export function isGoogleHost(host: string): boolean {
  const name = host.toLowerCase()
  return (
    name.endsWith('.google') ||
    GOOGLE_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`))
  )
}

export interface RecordedRequest {
  url: string
  host: string
  method: string
  /** The engine's resource type: `script`, `image`, `document`, `fetch`, `ping`, ... (`other` if unknown) */
  resourceType: string
  /** `Date.now()` when the request was intercepted (comparable with the page's `Date.now()`). */
  time: number
  /** What answered it: the gtag.js stub, the adsbygoogle.js stub, an empty stub, or nothing (blocked). */
  answer: 'gtag' | 'adsbygoogle' | 'empty' | 'blocked'
}

export interface GoogleRecorder {
  /** Every request to a Google host, in the order the browser made them (answered with stubs). */
  readonly requests: readonly RecordedRequest[]
  /** Every other request to a non-local host, in order (aborted: tests never reach the internet). */
  readonly blocked: readonly RecordedRequest[]
  /** Number of Google requests, optionally only those whose URL contains `match` (string) or matches it (RegExp). */
  count(match?: string | RegExp): number
  /** Forgets what was recorded so far (e.g. before a reload). */
  clear(): void
  /** Throws, listing them, if any non-local, non-Google request was made. */
  assertNoStrayRequests(): void
  /** Removes the routes (the context's later requests go to the network again: use only before closing). */
  stop(): Promise<void>
}

function stubFor(
  url: URL,
  resourceType: string
): { answer: RecordedRequest['answer']; type: string; body: string } {
  if (url.hostname.endsWith('googletagmanager.com') && /^\/(gtag\/js|gtm\.js)/.test(url.pathname)) {
    return { answer: 'gtag', type: 'text/javascript', body: GTAG_STUB }
  }
  if (url.pathname.endsWith('/adsbygoogle.js')) {
    return { answer: 'adsbygoogle', type: 'text/javascript', body: ADSBYGOOGLE_STUB }
  }
  if (resourceType === 'document') {
    return {
      answer: 'empty',
      type: 'text/html',
      body: '<!doctype html><html lang="en"><title>stub</title></html>',
    }
  }
  if (resourceType === 'script') return { answer: 'empty', type: 'text/javascript', body: '' }
  return { answer: 'empty', type: 'text/plain', body: '' }
}

/** A request as any engine's interception sees it. */
export interface OutgoingRequest {
  url: string
  method: string
  /** `document` for a page or frame navigation, `script`, ...; engines that cannot tell give `other`. */
  resourceType: string
}

/** What to do with one request: let it through, abort it, or answer it with a stub. */
export type RouteAnswer =
  | { kind: 'continue' }
  | { kind: 'abort' }
  | { kind: 'fulfill'; status: number; headers: Record<string, string>; body: string }

export interface GoogleRouter {
  /** Records `request` and says how to answer it: local ones pass, Google ones get stubs, others abort. */
  answer(request: OutgoingRequest): RouteAnswer
  /** The recorder over what `answer` saw; `stop` removes the engine's interception. */
  recorder(stop: () => Promise<void>): GoogleRecorder
}

/** The engine-neutral part of `recordGoogleRequests`: one record and one set of stubs for every engine. */
export function createGoogleRouter(): GoogleRouter {
  const requests: RecordedRequest[] = []
  const blocked: RecordedRequest[] = []
  return {
    answer(request) {
      const url = new URL(request.url)
      if (!url.protocol.startsWith('http') || isLocal(url.hostname)) return { kind: 'continue' }
      const base = {
        url: url.href,
        host: url.hostname,
        method: request.method,
        resourceType: request.resourceType,
        time: Date.now(),
      }
      if (!isGoogleHost(url.hostname)) {
        blocked.push({ ...base, answer: 'blocked' })
        return { kind: 'abort' }
      }
      const stub = stubFor(url, base.resourceType)
      requests.push({ ...base, answer: stub.answer })
      return {
        kind: 'fulfill',
        status: stub.body || stub.type !== 'text/plain' ? 200 : 204,
        headers: {
          'content-type': `${stub.type}; charset=utf-8`,
          'access-control-allow-origin': '*',
          'cross-origin-resource-policy': 'cross-origin',
          'cache-control': 'no-store',
        },
        body: stub.body,
      }
    },
    recorder: (stop) => ({
      requests,
      blocked,
      count(match) {
        if (match === undefined) return requests.length
        return requests.filter((r) => (typeof match === 'string' ? r.url.includes(match) : match.test(r.url)))
          .length
      },
      clear() {
        requests.length = 0
        blocked.length = 0
      },
      assertNoStrayRequests() {
        if (blocked.length > 0) {
          throw new Error(
            `Requests to non-local hosts were made:\n${blocked.map((r) => `  ${r.method} ${r.url}`).join('\n')}`
          )
        }
      },
      stop,
    }),
  }
}

/**
 * Routes every request of `context`: local ones pass; Google ones are answered with stubs (gtag.js keeps
 * dataLayer semantics, adsbygoogle.js fills `ins.adsbygoogle`) and recorded in order; any other is aborted
 * and recorded in `blocked`. Call it before opening pages.
 */
export async function recordGoogleRequests(context: BrowserContext): Promise<GoogleRecorder> {
  const router = createGoogleRouter()
  const handler = async (route: Route) => {
    const request = route.request()
    const answer = router.answer({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
    })
    if (answer.kind === 'continue') return route.continue()
    if (answer.kind === 'abort') return route.abort('blockedbyclient')
    return route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body })
  }
  await context.route('**/*', handler)
  return router.recorder(() => context.unroute('**/*', handler))
}

/** What the stubs record in the page, at `window.__toriiGoogleStub` (absent until a stub ran). */
export interface GoogleStubState {
  gtag?: {
    loads: number
    ids: string[]
    loadedAt: number
    /** Every gtag command processed, in order (`['consent', 'default', {...}]`, `['config', 'G-XXXX']`, ...). */
    commands: { args: unknown[]; time: number }[]
    /** The Consent Mode state gtag would use now. */
    consent: Record<string, 'granted' | 'denied'>
    /** Hits sent to google-analytics.com, with GA4's `gcs` (`G1` + ad_storage + analytics_storage as 1/0). */
    hits: { id: string; name: string; gcs: string; time: number }[]
  }
  adsense?: { loadedAt: number; filled: number; requests: { url: string; time: number }[] }
}

/** Reads what the Google stubs recorded in the page (`{}` if none ran). */
export async function readGoogleStub(page: Page): Promise<GoogleStubState> {
  return page.evaluate(() => (window as unknown as { __toriiGoogleStub?: object }).__toriiGoogleStub ?? {})
}

/** The gtag commands the page pushed to `dataLayer`, as plain arrays, in order (`['consent', 'default', {...}]`). */
export async function dataLayerCommands(page: Page): Promise<unknown[][]> {
  return page.evaluate(() =>
    ((window as unknown as { dataLayer?: ArrayLike<unknown>[] }).dataLayer || [])
      .filter((entry) => typeof entry?.length === 'number')
      .map((entry) => JSON.parse(JSON.stringify(Array.from(entry))) as unknown[])
  )
}
