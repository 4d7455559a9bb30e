// The gate and the UI in real Chromium against the real server: a custom choice. First visit, Reject all and
// Accept all run in both engines (banner-engines.test.ts).
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

test('analytics only: GA yes, AdSense no, the ad types denied', async () => {
  const { page, google } = await visit()
  await waitForBanner(page)
  await bannerButton(page, 'customize').click()
  await page.getByRole('switch', { name: 'アクセス解析' }).check()
  await bannerButton(page, 'save').click()
  await expect.poll(() => google.count(GA)).toBe(1)
  // Allowed tags are revived in document order: once GA's config (after gtag.js) has run, AdSense's script
  // (after it) has been revived too, if it was going to be.
  await expect.poll(async () => (await commands(page)).some((c) => c[0] === 'config')).toBe(true)
  expect(await page.getAttribute('script[src*="adsbygoogle.js"]', 'type')).toBe('text/plain')
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
