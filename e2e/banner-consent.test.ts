// The gate and the UI in real Chromium against the real server: Consent Mode, blocking, the three choices.
import type { Page } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  bannerButton,
  collectPageErrors,
  readChoice,
  recordGoogleRequests,
  startTestServer,
  useBrowser,
  waitForBanner,
} from './support/index.ts'

const browser = useBrowser()
const FOUR = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage']
const GA = /googletagmanager\.com\/gtag\/js/
const ADSENSE = /adsbygoogle\.js/

/** A fresh server, context (recording Google requests) and page collecting errors. */
async function visit(path = '/demo/') {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const context = await browser.newContext()
  const google = await recordGoogleRequests(context)
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  onTestFinished(() => expect(errors).toEqual([]))
  await page.goto(server.at(path))
  return { server, context, google, page, errors }
}

/** The gtag commands in `dataLayer`, as plain arrays. */
const commands = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { dataLayer: ArrayLike<unknown>[] }).dataLayer || [])
      .filter((e) => typeof e?.length === 'number')
      .map((e) => JSON.parse(JSON.stringify(Array.from(e))) as unknown[])
  )

const consentCalls = async (page: Page, kind: 'default' | 'update') =>
  (await commands(page)).filter((c) => c[0] === 'consent' && c[1] === kind)

test('before any choice: zero Google requests, and consent default (four types denied) precedes every gtag command', async () => {
  const { page, google } = await visit()
  await waitForBanner(page)
  await page.waitForLoadState('networkidle')
  expect(google.count()).toBe(0)
  google.assertNoStrayRequests()
  const all = await commands(page)
  expect(all[0].slice(0, 2)).toEqual(['consent', 'default'])
  for (const type of FOUR) expect((all[0][2] as Record<string, string>)[type]).toBe('denied')
  expect((all[0][2] as Record<string, unknown>).wait_for_update).toBe(500)
  expect(all.filter((c) => c[0] === 'config' || c[0] === 'event')).toEqual([])
  expect(await readChoice(page)).toBeNull()
})

test('Reject all: zero Google requests, also after a reload', async () => {
  const { page, google } = await visit()
  await waitForBanner(page)
  await bannerButton(page, 'reject-all').click()
  await bannerButton(page, 'reject-all').waitFor({ state: 'hidden' })
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: false, advertising: false } })
  const [update] = await consentCalls(page, 'update')
  for (const type of FOUR) expect((update[2] as Record<string, string>)[type]).toBe('denied')
  await page.reload({ waitUntil: 'networkidle' })
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: false, advertising: false } })
  expect(await page.locator('torii-consent [data-torii-action="reject-all"]').count()).toBe(0)
  expect(google.count()).toBe(0)
})

test('Accept all: GA then AdSense requested; the update granting all four types comes before config', async () => {
  const { page, google } = await visit()
  await waitForBanner(page)
  await bannerButton(page, 'accept-all').click()
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
  expect(await page.locator('torii-consent section').count()).toBe(0)
})

test('analytics only: GA yes, AdSense no, the ad types denied', async () => {
  const { page, google } = await visit()
  await waitForBanner(page)
  await bannerButton(page, 'customize').click()
  await page.getByRole('switch', { name: 'アクセス解析' }).check()
  await bannerButton(page, 'save').click()
  await expect.poll(() => google.count(GA)).toBe(1)
  await page.waitForLoadState('networkidle')
  expect(google.count(ADSENSE)).toBe(0)
  const [update] = await consentCalls(page, 'update')
  expect(update[2]).toMatchObject({
    analytics_storage: 'granted',
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
  })
  expect(await readChoice(page)).toMatchObject({
    purposes: { analytics: true, advertising: false },
    vendors: { 'google-analytics': true, 'google-adsense': false },
  })
})
