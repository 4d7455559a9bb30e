// Google Tag Manager in real Chromium (issue #17, docs/gtm.md): a stub container at
// www.googletagmanager.com/gtm.js that injects GA4 (gtag/js?id=G-…) and the Meta pixel (connect.facebook.net),
// on a page with Torii's gate first and Google's GTM snippet after it. Both modes: "hold" (the GTM vendor acts
// for analytics: nothing goes to Google before consent) and "load before consent" (it acts for the required
// purpose: gtm.js alone loads, under Consent Mode defaults; the tags it injects stay held by their own vendors);
// and the `torii_consent` dataLayer event right after each Consent Mode update.
import { readFileSync } from 'node:fs'
import { VENDOR_CATALOG } from '@torii/schema/vendor-catalog'
import type { BrowserContext, Page } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  bannerButton,
  collectPageErrors,
  isGoogleHost,
  LOCAL_HOSTS,
  publishDemo,
  startTestServer,
  type TestServer,
  useBrowser,
  waitForBanner,
  waitForGateSettled,
} from './support/index.ts'

const browser = useBrowser()
const fixture = (name: string) => readFileSync(new URL(`./fixtures/gtm/${name}`, import.meta.url), 'utf8')
/** The third-party scripts, by host and path, each answered by its local stub. */
const STUBS: Record<string, string> = {
  'www.googletagmanager.com/gtm.js': fixture('gtm.js'),
  'www.googletagmanager.com/gtag/js': fixture('gtag.js'),
  'connect.facebook.net/en_US/fbevents.js': fixture('fbevents.js'),
}
const GTM = 'www.googletagmanager.com/gtm.js'
const GA4 = 'www.googletagmanager.com/gtag/js'
const META = 'connect.facebook.net'

type Mode = 'load' | 'hold'

/** The hosts GA's catalog entry had before path patterns, as sites configured then still have them. */
const GA_HOSTS_BEFORE_PATHS = ['www.googletagmanager.com', '*.google-analytics.com', '*.analytics.google.com']

/**
 * A server whose demo site adds the catalog's Google Tag Manager (acting for `necessary`: load before
 * consent; or for `analytics`: hold) and Meta pixel. GA keeps the bare `www.googletagmanager.com` host of
 * sites configured before path patterns: gtm.js still belongs to GTM, whose pattern has the longer path.
 */
async function gtmServer(mode: Mode): Promise<TestServer> {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const preset = (key: string) => {
    const { category: _category, ...vendor } = VENDOR_CATALOG.find((entry) => entry.key === key)!
    return vendor
  }
  await publishDemo(server, (config) => ({
    ...config,
    vendors: [
      ...config.vendors.map((vendor) =>
        vendor.key === 'google-analytics' ? { ...vendor, hosts: GA_HOSTS_BEFORE_PATHS } : vendor
      ),
      { ...preset('google-tag-manager'), purposes: [mode === 'load' ? 'necessary' : 'analytics'] },
      { ...preset('meta-pixel'), purposes: ['advertising'] },
    ],
  }))
  return server
}

interface Recorded {
  /** Every request to another host, as host + path + query, in order. */
  readonly requests: string[]
}

/** Serves the page on the server's origin and every third-party script from its stub; records them. */
async function route(context: BrowserContext, server: TestServer): Promise<Recorded> {
  const requests: string[] = []
  await context.route('**/*', (request) => {
    const url = new URL(request.request().url())
    if (LOCAL_HOSTS.includes(url.hostname)) return request.continue()
    requests.push(url.host + url.pathname + url.search)
    const body = STUBS[url.host + url.pathname]
    // Nothing leaves the machine: what has no stub is answered empty.
    return request.fulfill({ contentType: 'text/javascript', body: body ?? '' })
  })
  await context.route(server.at('/gtm.html'), (request) =>
    request.fulfill({ contentType: 'text/html', body: fixture('page.html') })
  )
  return { requests }
}

async function visit(mode: Mode) {
  const server = await gtmServer(mode)
  const context = await browser.newContext()
  const recorded = await route(context, server)
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  onTestFinished(() => expect(errors).toEqual([]))
  await page.goto(server.at('/gtm.html'))
  await waitForBanner(page)
  await waitForGateSettled(page)
  return { page, recorded }
}

/** The dataLayer, one string per entry: `consent default` for a gtag command, `event gtm.js` for an event. */
const dataLayer = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { dataLayer: (ArrayLike<unknown> & { event?: string })[] }).dataLayer.map(
      (entry) => (typeof entry.length === 'number' ? `${entry[0]} ${entry[1]}` : `event ${entry.event}`)
    )
  )
/** The `torii_consent` events pushed so far, as pushed. */
const toriiEvents = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { dataLayer: { event?: string }[] }).dataLayer.filter(
      (e) => e.event === 'torii_consent'
    )
  )
/** Every Consent Mode update is followed at once by a `torii_consent` event, and every event follows one. */
function expectEventAfterEachUpdate(entries: string[]) {
  const updates = entries.flatMap((entry, i) => (entry === 'consent update' ? [i] : []))
  const events = entries.flatMap((entry, i) => (entry === 'event torii_consent' ? [i] : []))
  expect(updates.length).toBeGreaterThan(0)
  expect(events).toEqual(updates.map((i) => i + 1))
}
const ran = (page: Page, flag: 'ga4Ran' | 'metaRan') =>
  page.evaluate((name) => (window as unknown as Record<string, number | undefined>)[name] ?? 0, flag)

test('hold: nothing goes to Google before consent; Accept all runs the container and the tags it adds', async () => {
  const { page, recorded } = await visit('hold')
  // The GTM snippet ran (its gtm.js event is in dataLayer), but its script is held: no request at all.
  expect(await dataLayer(page)).toContain('event gtm.js')
  expect(recorded.requests.filter((r) => isGoogleHost(r.split('/')[0]!))).toEqual([])
  expect(recorded.requests).toEqual([])

  await bannerButton(page, 'accept-all').click()
  await page.waitForFunction(
    () => (window as { metaRan?: number }).metaRan && (window as { ga4Ran?: number }).ga4Ran
  )
  expect(recorded.requests.map((r) => r.split('?')[0])).toEqual([GTM, GA4, `${META}/en_US/fbevents.js`])
  // The container started after the update and the event: its consent triggers see the choice.
  const seen = await page.evaluate(() => (window as unknown as { gtmStub: { seen: string[] } }).gtmStub.seen)
  expect(seen.slice(-2)).toEqual(['consent update', 'event torii_consent'])
  expectEventAfterEachUpdate(await dataLayer(page))
  expect(await toriiEvents(page)).toEqual([
    {
      event: 'torii_consent',
      torii_purposes: ['necessary', 'analytics', 'advertising'],
      torii_vendors: ['google-analytics', 'google-adsense', 'google-tag-manager', 'meta-pixel'],
    },
  ])
})

test('load before consent: gtm.js alone, under Consent Mode defaults; the tags it adds wait for their vendors', async () => {
  const { page, recorded } = await visit('load')
  await page.waitForFunction(() => (window as { gtmStub?: unknown }).gtmStub)
  // gtm.js only: GA4's gtag.js (GA's bare host) and the Meta pixel it injected are held.
  expect(recorded.requests).toEqual(['www.googletagmanager.com/gtm.js?id=GTM-TEST'])
  expect(await ran(page, 'ga4Ran')).toBe(0)
  // Consent Mode's defaults came first: before the snippet's gtm.js event, and when the container started.
  const before = await dataLayer(page)
  expect(before.indexOf('consent default')).toBe(0)
  expect(before.indexOf('event gtm.js')).toBeGreaterThan(0)
  const seen = await page.evaluate(() => (window as unknown as { gtmStub: { seen: string[] } }).gtmStub.seen)
  expect(seen[0]).toBe('consent default')
  expect(seen).not.toContain('consent update')
  expect(await toriiEvents(page)).toEqual([])

  // Analytics only: GA4 runs, the Meta pixel stays held.
  await page.evaluate(() =>
    (window as unknown as { torii: { accept(keys: string[]): void } }).torii.accept(['analytics'])
  )
  await page.waitForFunction(() => (window as { ga4Ran?: number }).ga4Ran)
  expect(recorded.requests.some((r) => r.startsWith(META))).toBe(false)
  expect(await toriiEvents(page)).toEqual([
    {
      event: 'torii_consent',
      torii_purposes: ['necessary', 'analytics'],
      torii_vendors: ['google-analytics', 'google-tag-manager'],
    },
  ])

  // A later change grants the Meta pixel: it runs now, after its own update and event.
  await page.evaluate(() =>
    (window as unknown as { torii: { accept(keys: string[]): void } }).torii.accept(['meta-pixel'])
  )
  await page.waitForFunction(() => (window as { metaRan?: number }).metaRan)
  const events = await toriiEvents(page)
  expect(events).toHaveLength(2)
  expect(events[1]).toEqual({
    event: 'torii_consent',
    torii_purposes: ['necessary', 'analytics', 'advertising'],
    torii_vendors: ['google-analytics', 'google-tag-manager', 'meta-pixel'],
  })
  const after = await dataLayer(page)
  expectEventAfterEachUpdate(after)
  expect(after.filter((entry) => entry === 'consent update')).toHaveLength(2)

  // A later page view with the choice in force: the update and the event right after the defaults.
  await page.reload()
  await waitForGateSettled(page)
  const returning = await dataLayer(page)
  expect(returning.slice(0, 4)).toEqual([
    'consent default',
    'set ads_data_redaction',
    'consent update',
    'event torii_consent',
  ])
  expect(returning.indexOf('event gtm.js')).toBe(4)
  expect((await toriiEvents(page))[0]).toEqual(events[1])
})
