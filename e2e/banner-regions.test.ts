// Each region's consent model on a first visit, in real Chromium against the real server (issue #15): the
// visitor's place comes from the CDN's geo headers (cf-ipcountry, cf-region-code), once from the IP database
// through X-Forwarded-For. Google's requests are recorded as everywhere in the suite; the receipts carry the
// jurisdiction the server resolved.
import { expect, test } from 'vitest'
import {
  bannerButton,
  dataLayerCommands,
  JAPANESE_IP,
  readChoice,
  regionNotice,
  startRegionServer,
  storedReceipts,
  useBrowser,
  visitorFrom,
  waitForBanner,
  waitForGateSettled,
} from './support/index.ts'

const browser = useBrowser()
const GA = /googletagmanager\.com\/gtag\/js/
const ADSENSE = /adsbygoogle\.js/
const AD_TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization']

/** The Consent Mode state of a `consent default` command, by type. */
const consentOf = (command: unknown[] | undefined) => (command?.[2] ?? {}) as Record<string, unknown>

/** The first gtag command, which must be the `consent default`, before any tag's own command. */
async function firstCommandIsDefault(page: Parameters<typeof dataLayerCommands>[0]) {
  const all = await dataLayerCommands(page)
  expect(all[0]?.slice(0, 2)).toEqual(['consent', 'default'])
  return consentOf(all[0])
}

test('Japan (notice): GA and AdSense run on the first visit, Consent Mode granted before any tag, the notice shows', async () => {
  const server = await startRegionServer()
  const { page, google } = await visitorFrom(browser, { country: 'JP' })
  await page.goto(server.at('/demo/'))
  await waitForGateSettled(page)
  await regionNotice(page).waitFor()
  expect(google.count(GA)).toBe(1)
  expect(google.count(ADSENSE)).toBe(1)
  google.assertNoStrayRequests()
  const defaults = await firstCommandIsDefault(page)
  for (const type of ['analytics_storage', ...AD_TYPES]) expect(defaults[type], type).toBe('granted')
  expect(await bannerButton(page, 'reject-all').count()).toBe(0)
  expect(await readChoice(page)).toBeNull()
})

test('Germany (opt-in): the banner and zero Google requests before a choice; Accept all records the jurisdiction', async () => {
  const server = await startRegionServer()
  const { page, google } = await visitorFrom(browser, { country: 'DE' })
  await page.goto(server.at('/demo/'))
  await waitForBanner(page)
  await waitForGateSettled(page)
  expect(google.count()).toBe(0)
  google.assertNoStrayRequests()
  const defaults = await firstCommandIsDefault(page)
  for (const type of ['analytics_storage', ...AD_TYPES]) expect(defaults[type], type).toBe('denied')

  await bannerButton(page, 'accept-all').click()
  await expect.poll(() => google.count(ADSENSE)).toBe(1)
  expect(google.count(GA)).toBe(1)
  await expect.poll(async () => (await storedReceipts(server)).length).toBe(1)
  const [receipt] = await storedReceipts(server)
  expect(receipt).toMatchObject({
    action: 'accept-all',
    country: 'DE',
    regionRule: 'eea-uk-ch',
    regionModel: 'opt-in',
  })
  expect(receipt.subdivision).toBeUndefined()
})

test('California (opt-out): GA and AdSense run with no banner, Consent Mode granted before any tag', async () => {
  const server = await startRegionServer()
  const { page, google } = await visitorFrom(browser, { country: 'US', subdivision: 'US-CA' })
  await page.goto(server.at('/demo/'))
  await waitForGateSettled(page)
  expect(google.count(GA)).toBe(1)
  expect(google.count(ADSENSE)).toBe(1)
  const defaults = await firstCommandIsDefault(page)
  for (const type of ['analytics_storage', ...AD_TYPES]) expect(defaults[type], type).toBe('granted')
  expect(await bannerButton(page, 'reject-all').count()).toBe(0)
  expect(await regionNotice(page).count()).toBe(0)
})

test('California with GPC: AdSense does not run, GA does, the ad types denied by default, a gpc receipt with the jurisdiction', async () => {
  const server = await startRegionServer()
  const { page, google } = await visitorFrom(browser, { country: 'US', subdivision: 'US-CA' }, { gpc: true })
  await page.goto(server.at('/demo/'))
  await waitForGateSettled(page)
  expect(google.count(GA)).toBe(1)
  expect(google.count(ADSENSE)).toBe(0)
  expect(await page.getAttribute('script[src*="adsbygoogle.js"]', 'type')).toBe('text/plain')
  const defaults = await firstCommandIsDefault(page)
  expect(defaults.analytics_storage).toBe('granted')
  for (const type of AD_TYPES) expect(defaults[type], type).toBe('denied')
  expect(await bannerButton(page, 'reject-all').count()).toBe(0)

  await expect.poll(async () => (await storedReceipts(server)).length).toBe(1)
  const [receipt] = await storedReceipts(server)
  expect(receipt).toMatchObject({
    action: 'gpc',
    gpc: true,
    purposes: { advertising: false },
    country: 'US',
    subdivision: 'US-CA',
    regionRule: 'us-privacy',
    regionModel: 'opt-out',
  })
  expect(await readChoice(page)).toMatchObject({ purposes: { advertising: false } })
})

test('New York (no state privacy law in the group): the default rule, opt-in', async () => {
  const server = await startRegionServer()
  const { page, google } = await visitorFrom(browser, { country: 'US', subdivision: 'US-NY' })
  await page.goto(server.at('/demo/'))
  await waitForBanner(page)
  await waitForGateSettled(page)
  expect(google.count()).toBe(0)
  await bannerButton(page, 'reject-all').click()
  await expect.poll(async () => (await storedReceipts(server)).length).toBe(1)
  expect((await storedReceipts(server))[0]).toMatchObject({
    action: 'reject-all',
    country: 'US',
    subdivision: 'US-NY',
    regionRule: 'default',
    regionModel: 'opt-in',
  })
})

test('a notice dismissed in Japan grants nothing in Germany: the same browser gets the banner and no Google request', async () => {
  const server = await startRegionServer()
  const { context, page, google } = await visitorFrom(browser, { country: 'JP' })
  await page.goto(server.at('/demo/'))
  await regionNotice(page).locator('[data-torii-action="close"]').click()
  await regionNotice(page).waitFor({ state: 'detached' })
  await expect.poll(async () => (await storedReceipts(server)).map((r) => r.action)).toEqual(['notice'])

  await context.setExtraHTTPHeaders({ 'cf-ipcountry': 'DE' })
  google.clear()
  await page.reload()
  await waitForBanner(page)
  await waitForGateSettled(page)
  expect(google.count()).toBe(0)
})

test("GPC's decision in California grants nothing in Germany: the same browser gets the banner and no Google request", async () => {
  const server = await startRegionServer()
  const from = { country: 'US', subdivision: 'US-CA' }
  const { context, page, google } = await visitorFrom(browser, from, { gpc: true })
  await page.goto(server.at('/demo/'))
  await waitForGateSettled(page)
  expect(google.count(GA)).toBe(1)
  await expect.poll(async () => (await storedReceipts(server)).map((r) => r.action)).toEqual(['gpc'])
  // Analytics ran by the opt-out rule's default, not by a consent written into the cookie.
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: true, advertising: false } })

  await context.setExtraHTTPHeaders({ 'cf-ipcountry': 'DE' })
  google.clear()
  await page.reload()
  await waitForBanner(page)
  await waitForGateSettled(page)
  expect(google.count()).toBe(0)
  google.assertNoStrayRequests()
})

test('the IP database through X-Forwarded-For: a Japanese address gets the notice and GA and AdSense; no address, the default rule', async () => {
  const server = await startRegionServer({ geo: 'ip' })
  const { page, google } = await visitorFrom(browser, { ip: JAPANESE_IP })
  await page.goto(server.at('/demo/'))
  await waitForGateSettled(page)
  await regionNotice(page).waitFor()
  expect(google.count(GA)).toBe(1)
  expect(google.count(ADSENSE)).toBe(1)
  await regionNotice(page).locator('[data-torii-action="close"]').click()
  await expect.poll(async () => (await storedReceipts(server)).length).toBe(1)
  const [receipt] = await storedReceipts(server)
  expect(receipt).toMatchObject({
    action: 'notice',
    country: 'JP',
    regionRule: 'japan',
    regionModel: 'notice',
  })
  expect(receipt.subdivision).toBeUndefined()

  // From 127.0.0.1 (no forwarded address), the place is unknown: the default rule, opt-in.
  const local = await visitorFrom(browser, {})
  await local.page.goto(server.at('/demo/'))
  await waitForBanner(local.page)
  await waitForGateSettled(local.page)
  expect(local.google.count()).toBe(0)
})
