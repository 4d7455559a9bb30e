// The core of the visitor contract in two browser engines, each scenario written once: Chromium (Playwright)
// and Firefox ESR (puppeteer-core over WebDriver BiDi), through the small driver in support/engine.ts.
// Google's hosts are answered by the same stubs in both; nothing leaves the machine.
import { readFileSync } from 'node:fs'
import { describe, expect, onTestFinished, test } from 'vitest'
import {
  type BannerAction,
  ENGINES,
  type EnginePage,
  startTestServer,
  storedReceipts,
  useEngine,
  waitForGateSettled,
} from './support/index.ts'

const FOUR = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage']
const GA = /googletagmanager\.com\/gtag\/js/
const ADSENSE = /adsbygoogle\.js/
const INJECT = readFileSync(new URL('./fixtures/banner-inject.html', import.meta.url), 'utf8')

/** The banner's button for `action`, inside its shadow root. */
const button = (action: BannerAction) => `[data-torii-action="${action}"]`

/** The gtag commands in `dataLayer`, as plain arrays. */
const commands = (page: EnginePage) =>
  page.evaluate(() =>
    ((window as unknown as { dataLayer: ArrayLike<unknown>[] }).dataLayer || [])
      .filter((e) => typeof e?.length === 'number')
      .map((e) => JSON.parse(JSON.stringify(Array.from(e))) as unknown[])
  )

const consentCalls = async (page: EnginePage, kind: 'default' | 'update') =>
  (await commands(page)).filter((c) => c[0] === 'consent' && c[1] === kind)

/** `torii.get()` once `torii.ready` resolved. */
const readChoice = (page: EnginePage) =>
  page.evaluate(async () => {
    const torii = (window as unknown as { torii: { ready: Promise<unknown>; get(): unknown } }).torii
    await torii.ready
    return torii.get()
  })

/** The `type` of the page's tag whose `src` contains `src`: `text/plain` while the gate holds it. */
const typeOfTag = (page: EnginePage, src: string) =>
  page.evaluate((part) => document.querySelector(`script[src*="${part}"]`)?.getAttribute('type') ?? null, src)

const receipts = storedReceipts

describe.each(ENGINES)('%s', (name) => {
  const engine = useEngine(name)

  /** A fresh server and page (closed after the test) on `path`, once loaded. */
  async function visit(path = '/demo/', options: { gpc?: boolean; html?: string } = {}) {
    const server = await startTestServer()
    onTestFinished(() => server.close())
    const page = await engine.open({ gpc: options.gpc })
    if (options.html) await page.serve(server.at(path), options.html)
    await page.goto(server.at(path))
    return { server, page }
  }

  const waitForBanner = (page: EnginePage) => page.waitInBanner(button('reject-all'), 'visible')

  test('before any choice: zero Google requests, and consent default (four types denied) precedes every gtag command', async () => {
    const { page } = await visit()
    await waitForBanner(page)
    await waitForGateSettled(page)
    expect(page.google.count()).toBe(0)
    page.google.assertNoStrayRequests()
    const all = await commands(page)
    expect(all[0].slice(0, 2)).toEqual(['consent', 'default'])
    for (const type of FOUR) expect((all[0][2] as Record<string, string>)[type]).toBe('denied')
    expect((all[0][2] as Record<string, unknown>).wait_for_update).toBe(500)
    expect(all.filter((c) => c[0] === 'config' || c[0] === 'event')).toEqual([])
    expect(await readChoice(page)).toBeNull()
  })

  test('Reject all: zero Google requests, also after a reload', async () => {
    const { page } = await visit()
    await waitForBanner(page)
    await page.clickInBanner(button('reject-all'))
    await page.waitInBanner(button('reject-all'), 'hidden')
    expect(await readChoice(page)).toMatchObject({ purposes: { analytics: false, advertising: false } })
    const [update] = await consentCalls(page, 'update')
    for (const type of FOUR) expect((update[2] as Record<string, string>)[type]).toBe('denied')
    await page.reload()
    await waitForGateSettled(page)
    expect(await readChoice(page)).toMatchObject({ purposes: { analytics: false, advertising: false } })
    expect(await page.countInBanner(button('reject-all'))).toBe(0)
    expect(page.google.count()).toBe(0)
  })

  test('Accept all: GA then AdSense requested; the update granting all four types comes before config', async () => {
    const { page } = await visit()
    const { google } = page
    await waitForBanner(page)
    await page.clickInBanner(button('accept-all'))
    await expect.poll(() => google.count(ADSENSE)).toBe(1)
    expect(google.count(GA)).toBe(1)
    const ga = google.requests.findIndex((r) => GA.test(r.url))
    const ads = google.requests.findIndex((r) => ADSENSE.test(r.url))
    expect(ga).toBeLessThan(ads)
    await expect.poll(async () => (await commands(page)).some((c) => c[0] === 'config')).toBe(true)
    const all = await commands(page)
    const update = all.findIndex((c) => c[0] === 'consent' && c[1] === 'update')
    for (const type of FOUR) expect((all[update][2] as Record<string, string>)[type]).toBe('granted')
    expect(update).toBeLessThan(all.findIndex((c) => c[0] === 'config'))

    // A returning visitor: the update comes straight after the default, before the tags, and no banner.
    google.clear()
    await page.reload()
    await expect.poll(() => google.count(ADSENSE)).toBe(1)
    const again = await commands(page)
    expect(again.slice(0, 3).map((c) => c.slice(0, 2))).toEqual([
      ['consent', 'default'],
      ['set', 'ads_data_redaction'],
      ['consent', 'update'],
    ])
    expect(await page.countInBanner('section')).toBe(0)
  })

  test('tags added by page code are held until consent, then loaded with their handlers intact', async () => {
    const { page } = await visit('/fixtures/banner-inject.html', { html: INJECT })
    const { google } = page
    await page.waitForFunction(() => (window as unknown as { injected?: { done?: boolean } }).injected?.done)
    await waitForBanner(page)
    // The page's own tags were added on load, synchronously: held now means held, whatever the network does.
    await waitForGateSettled(page)
    expect(await typeOfTag(page, 'G-INJECTED')).toBe('text/plain')
    expect(await typeOfTag(page, 'adsbygoogle')).toBe('text/plain')
    expect(
      await page.evaluate(() => [
        document.querySelector('#via-html')?.getAttribute('src') ?? null,
        document.querySelector('#via-attribute')?.getAttribute('data-src') ?? null,
      ])
    ).toEqual([null, 'https://region1.google-analytics.com/frame'])
    expect(google.count()).toBe(0)

    await page.clickInBanner(button('accept-all'))
    await page.waitForFunction(() => (window as unknown as { injected: { loaded: boolean } }).injected.loaded)
    await expect.poll(() => google.count(/adsbygoogle\.js/)).toBe(1)
    expect(google.count(/G-INJECTED/)).toBe(1)
    await expect.poll(() => google.count('googleads.g.doubleclick.net/pagead/frame')).toBe(1)
    await expect.poll(() => google.count('region1.google-analytics.com/frame')).toBe(1)
  })

  test('GPC: advertising is denied without asking, Accept all grants only the rest, the receipt says why', async () => {
    const { page, server } = await visit('/demo/', { gpc: true })
    const { google } = page
    await waitForBanner(page)
    await page.clickInBanner(button('customize'))
    expect(await page.switchState('広告')).toEqual({ checked: false, disabled: true })
    await page.clickInBanner(button('close'))
    await page.clickInBanner(button('accept-all'))
    await expect.poll(() => google.count(GA)).toBe(1)
    // Allowed tags are revived in document order: once GA's config (after gtag.js) has run, AdSense's
    // script (after it) has been revived too, if it was going to be.
    await expect.poll(async () => (await commands(page)).some((c) => c[0] === 'config')).toBe(true)
    expect(await typeOfTag(page, 'adsbygoogle.js')).toBe('text/plain')
    expect(google.count(ADSENSE)).toBe(0)
    expect(await readChoice(page)).toMatchObject({ purposes: { analytics: true, advertising: false } })
    await expect.poll(async () => (await receipts(server)).length).toBe(1)
    const [receipt] = await receipts(server)
    expect(receipt).toMatchObject({ action: 'accept-all', gpc: true, purposes: { advertising: false } })
    expect(receipt.consentMode).toMatchObject({ ad_storage: 'denied', analytics_storage: 'granted' })
  })
})
