// A choice shared across a site's subdomains (site option cookieDomain), in real Chromium: www and shop of
// xtra.test both resolve to the test server, so the cookie really crosses hosts as on a customer's site.
import { expect, onTestFinished, test } from 'vitest'
import {
  bannerButton,
  collectPageErrors,
  publishDemo,
  readChoice,
  recordGoogleRequests,
  startTestServer,
  TEST_DOMAIN,
  TEST_DOMAIN_ARGS,
  updateDemoSite,
  useBrowser,
  waitForBanner,
  waitForGateSettled,
} from './support/index.ts'

const browser = useBrowser(TEST_DOMAIN_ARGS)
const GA = /googletagmanager\.com\/gtag\/js/

test('cookieDomain: accepted on www, applied on shop without asking; withdrawn on shop, gone on www too', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const port = new URL(server.url).port
  const www = `http://www.${TEST_DOMAIN}:${port}`
  const shop = `http://shop.${TEST_DOMAIN}:${port}`
  await updateDemoSite(server, (site) => ({ origins: [...site.origins, www, shop] }))
  await publishDemo(server, (config) => ({
    ...config,
    options: { ...config.options, cookieDomain: TEST_DOMAIN },
  }))

  const context = await browser.newContext()
  const google = await recordGoogleRequests(context)
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  // Plain http on a name other than localhost is not a trustworthy origin, so Chromium reports that it
  // ignores the server's Cross-Origin-Opener-Policy; customers' sites are on HTTPS. Every other error counts.
  const UNTRUSTWORTHY_COOP = /Cross-Origin-Opener-Policy header has been ignored.*untrustworthy/
  onTestFinished(() => expect(errors.filter((error) => !UNTRUSTWORTHY_COOP.test(error))).toEqual([]))

  await page.goto(`${www}/demo/`)
  await waitForBanner(page)
  await bannerButton(page, 'accept-all').click()
  await expect.poll(() => google.count(GA)).toBe(1)
  const torii = (await context.cookies()).find((cookie) => cookie.name === 'torii')
  expect(torii?.domain).toBe(`.${TEST_DOMAIN}`)

  // GA's own cookie on the registrable domain, as gtag sets it with cookie_domain auto.
  await context.addCookies([{ name: '_ga', value: 'GA1.1.1.1', domain: `.${TEST_DOMAIN}`, path: '/' }])
  await page.goto(`${shop}/demo/`)
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: true, advertising: true } })
  await expect.poll(() => google.count(GA)).toBe(2)
  expect(await page.locator('torii-consent section').count()).toBe(0)

  // Withdraw analytics on shop: the shared choice changes and GA's domain cookie is deleted.
  await page.evaluate(() => (window as unknown as { torii: { show(): void } }).torii.show())
  await page.getByRole('switch', { name: 'アクセス解析' }).uncheck()
  const reloaded = page.waitForEvent('load')
  await bannerButton(page, 'save').click()
  await reloaded
  const names = (await context.cookies()).map((cookie) => `${cookie.name}@${cookie.domain}`)
  // What shop can reach is gone: the domain cookie and its own. www's host-only cookies are out of any
  // other host's reach (a browser rule), so they are not asserted here.
  expect(names.filter((name) => /^_ga.*@(\.xtra\.test|shop\.xtra\.test)$/.test(name))).toEqual([])
  expect(names).toContain(`torii@.${TEST_DOMAIN}`)

  google.clear()
  await page.goto(`${www}/demo/`)
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: false, advertising: true } })
  await waitForGateSettled(page)
  expect(google.count(GA)).toBe(0)
  expect(await page.locator('torii-consent section').count()).toBe(0)
  await expect.poll(async () => (await server.ledger.list('xtra', { limit: 10 })).receipts.length).toBe(2)
})
