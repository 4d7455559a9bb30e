// A site's own server renders the tags the visitor's `torii` cookie allows unheld (@torii/banner/server),
// so the browser's preload scanner fetches them early; the gate must let exactly those run, once.
import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
import type { BrowserContext } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  bannerButton,
  collectPageErrors,
  readChoice,
  readGoogleStub,
  recordGoogleRequests,
  serveRenderedPage,
  startTestServer,
  useBrowser,
  waitForBanner,
  waitForGateSettled,
} from './support/index.ts'

const browser = useBrowser()
const GA = /googletagmanager\.com\/gtag\/js/
const ADSENSE = /adsbygoogle\.js/

/** A fresh server and context, Google stubbed, the rendered page served by the "site's server". */
async function setUp() {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const context = await browser.newContext()
  const google = await recordGoogleRequests(context)
  const site = await serveRenderedPage(context, server)
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  onTestFinished(() => {
    expect(errors).toEqual([])
    google.assertNoStrayRequests()
  })
  return { server, context, google, site, page }
}

/**
 * The first visit's decision, then the next page view (the banner's cookie written before it leaves); the
 * Google requests of the first visit (tags the gate revived on Accept all) are forgotten before it.
 */
async function decideThenReturn(
  { page, google, site }: Awaited<ReturnType<typeof setUp>>,
  action: 'accept-all' | 'reject-all'
) {
  await page.goto(site.url)
  await waitForBanner(page)
  await bannerButton(page, action).click()
  await page.waitForFunction(() => document.cookie.includes('torii='))
  if (action === 'accept-all') await expect.poll(() => google.count(ADSENSE)).toBe(1)
  google.clear()
  await page.goto(site.url)
}

const gaCookies = async (context: BrowserContext) =>
  (await context.cookies()).filter((c) => c.name.startsWith('_ga')).length

test('first visit: the server holds every tag, the banner asks, nothing goes to Google', async () => {
  const { page, google, site } = await setUp()
  await page.goto(site.url)
  await waitForBanner(page)
  await waitForGateSettled(page)
  expect(site.renders).toHaveLength(1)
  expect(Object.values(site.renders[0].vendors)).toEqual([false, false])
  expect(google.count()).toBe(0)
})

test('after Accept all, the next view gets GA unheld from the server: run once, consent update before config', async () => {
  const t = await setUp()
  const { page, google, site } = t
  await decideThenReturn(t, 'accept-all')
  expect(site.renders.at(-1)?.vendors).toEqual({ 'google-analytics': true, 'google-adsense': true })
  // The HTML had no held tag: what runs was not revived by the gate.
  await page.waitForFunction(
    () => (window as { __toriiGoogleStub?: { gtag?: unknown } }).__toriiGoogleStub?.gtag
  )
  expect(await page.locator('script[type="text/plain"]').count()).toBe(0)
  await waitForGateSettled(page)
  expect(google.count(GA)).toBe(1)
  expect(google.count(ADSENSE)).toBe(1)
  const { gtag } = await readGoogleStub(page)
  expect(gtag?.loads).toBe(1)
  const commands = gtag?.commands.map((c) => c.args) ?? []
  const at = (match: (args: unknown[]) => boolean) => commands.findIndex(match)
  const defaults = at((a) => a[0] === 'consent' && a[1] === 'default')
  const update = at(
    (a) =>
      a[0] === 'consent' &&
      a[1] === 'update' &&
      (a[2] as Record<string, string>).analytics_storage === 'granted'
  )
  const config = at((a) => a[0] === 'config')
  expect(defaults).toBeGreaterThanOrEqual(0)
  expect(update).toBeGreaterThan(defaults)
  expect(config).toBeGreaterThan(update)
  expect(gtag?.hits.map((h) => h.gcs)).toEqual(['G111'])
})

test('after Reject all, the next view sends nothing to Google', async () => {
  const t = await setUp()
  const { page, google, site } = t
  await decideThenReturn(t, 'reject-all')
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: false, advertising: false } })
  await waitForGateSettled(page)
  expect(site.renders.at(-1)?.vendors).toEqual({ 'google-analytics': false, 'google-adsense': false })
  expect(await page.locator('script[type="text/plain"]').count()).toBe(4)
  expect(google.count()).toBe(0)
})

test('GPC on after an Accept all: the server and the gate hold the advertising tags, GA runs', async () => {
  const t = await setUp()
  const { page, google, site, context } = t
  await decideThenReturn(t, 'accept-all')
  await expect.poll(() => google.count(ADSENSE)).toBe(1)
  // The visitor turns GPC on: the browser sends `Sec-GPC: 1` and says so to page script.
  await context.setExtraHTTPHeaders({ 'Sec-GPC': '1' })
  await context.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })
  )
  google.clear()
  await page.goto(site.url)
  expect(site.renders.at(-1)?.vendors).toEqual({ 'google-analytics': true, 'google-adsense': false })
  await expect.poll(() => google.count(GA)).toBe(1)
  expect(await readChoice(page)).toMatchObject({ purposes: { advertising: false } })
  await waitForGateSettled(page)
  expect(google.count(ADSENSE)).toBe(0)
  expect(google.count(/doubleclick/)).toBe(0)
})

test('withdrawal on a server-rendered view deletes the _ga cookies and reloads; the next view holds GA', async () => {
  const t = await setUp()
  const { page, google, site, context } = t
  await decideThenReturn(t, 'accept-all')
  expect(site.renders.at(-1)?.vendors['google-analytics']).toBe(true)
  await expect.poll(() => gaCookies(context)).toBe(2)
  await page.evaluate(() => (window as unknown as { torii: { show(): void } }).torii.show())
  const analytics = DEMO_SITE_CONFIG.purposes.find((p) => p.key === 'analytics')?.name.en ?? ''
  await page.getByRole('switch', { name: analytics, exact: true }).uncheck()
  google.clear()
  const views = site.renders.length
  const reloaded = page.waitForEvent('load')
  await bannerButton(page, 'save').click()
  await reloaded
  // The page reloaded (GA had run, unheld by the server), and the server then held GA.
  expect(site.renders).toHaveLength(views + 1)
  expect(site.renders.at(-1)?.vendors).toEqual({ 'google-analytics': false, 'google-adsense': true })
  expect(await gaCookies(context)).toBe(0)
  await waitForGateSettled(page)
  expect(google.count(GA)).toBe(0)
  expect(google.count(ADSENSE)).toBe(1)
})
