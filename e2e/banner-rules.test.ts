// Rules in real Chromium against the real server: GPC (Accept all under GPC runs in both engines:
// banner-engines.test.ts), re-asking on a new revision, withdrawal.
import type { Page } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  bannerButton,
  collectPageErrors,
  publishDemo,
  readChoice,
  recordGoogleRequests,
  sendGpc,
  startTestServer,
  storedReceipts,
  useBrowser,
  waitForBanner,
  waitForFloatingButton,
  waitForGateSettled,
} from './support/index.ts'

const browser = useBrowser()
const GA = /googletagmanager\.com\/gtag\/js/
const ADSENSE = /adsbygoogle\.js/

async function visit(options: { gpc?: boolean } = {}) {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const context = await browser.newContext()
  if (options.gpc) await sendGpc(context)
  const google = await recordGoogleRequests(context)
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  onTestFinished(() => expect(errors).toEqual([]))
  await page.goto(server.at('/demo/'))
  return { server, context, google, page }
}

const receipts = storedReceipts

const bannerShown = (page: Page) => page.locator('torii-consent section').count()

test('GPC on a site whose only optional purpose is advertising: decided without asking, action gpc', async () => {
  const { page, server } = await visit({ gpc: true })
  await waitForBanner(page)
  await publishDemo(server, (config) => ({
    ...config,
    purposes: config.purposes.filter((p) => p.key !== 'analytics'),
    vendors: config.vendors.filter((v) => v.key !== 'google-analytics'),
  }))
  await page.reload()
  await expect.poll(async () => (await receipts(server)).length).toBe(1)
  expect(await bannerShown(page)).toBe(0)
  const [receipt] = await receipts(server)
  expect(receipt).toMatchObject({ action: 'gpc', gpc: true, revision: 2, purposes: { advertising: false } })
  expect(await readChoice(page)).toMatchObject({ purposes: { advertising: false }, revision: 2 })
})

test('a revision that adds a vendor asks again; one that only removes a vendor does not', async () => {
  const { page, server } = await visit()
  await waitForBanner(page)
  await bannerButton(page, 'accept-all').click()
  await bannerButton(page, 'accept-all').waitFor({ state: 'detached' })

  await publishDemo(server, (config) => ({
    ...config,
    vendors: [
      ...config.vendors,
      {
        ...config.vendors[0],
        key: 'example-analytics',
        name: 'Example Analytics',
        hosts: ['stats.example.net'],
      },
    ],
  }))
  await page.reload()
  await waitForBanner(page)
  await bannerButton(page, 'accept-all').click()
  await bannerButton(page, 'accept-all').waitFor({ state: 'detached' })
  expect(await readChoice(page)).toMatchObject({ revision: 2, vendors: { 'example-analytics': true } })

  await publishDemo(server, (config) => ({
    ...config,
    vendors: config.vendors.filter((v) => v.key !== 'example-analytics'),
  }))
  await page.reload()
  await waitForFloatingButton(page)
  expect(await bannerShown(page)).toBe(0)
  // Still in force from the choice made on revision 2.
  expect(await readChoice(page)).toMatchObject({ revision: 2, purposes: { analytics: true } })
})

test('withdrawal deletes the _ga* cookies, sends a denied update, reloads, and GA stays away', async () => {
  const { page, google, context, server } = await visit()
  await waitForBanner(page)
  await bannerButton(page, 'accept-all').click()
  await expect
    .poll(async () => (await context.cookies()).filter((c) => c.name.startsWith('_ga')).length)
    .toBe(2)

  // Keep what the page pushed at the moment of the change: the page reloads right after.
  await page.evaluate(() =>
    addEventListener('torii:change', () => {
      const dl = (window as unknown as { dataLayer: ArrayLike<unknown>[] }).dataLayer
      sessionStorage.setItem('dl', JSON.stringify(Array.from(dl, (e) => Array.from(e))))
    })
  )
  await page.evaluate(() => (window as unknown as { torii: { show(): void } }).torii.show())
  await page.getByRole('switch', { name: 'アクセス解析' }).uncheck()
  google.clear()
  const reloaded = page.waitForEvent('load')
  await bannerButton(page, 'save').click()
  await reloaded
  const pushed = JSON.parse((await page.evaluate(() => sessionStorage.getItem('dl'))) || '[]') as unknown[][]
  const update = pushed.filter((c) => c[0] === 'consent' && c[1] === 'update').at(-1)
  expect(update?.[2]).toMatchObject({ analytics_storage: 'denied', ad_storage: 'granted' })
  expect((await context.cookies()).filter((c) => c.name.startsWith('_ga'))).toEqual([])
  await waitForGateSettled(page)
  expect(google.count(GA)).toBe(0)
  expect(google.count(ADSENSE)).toBe(1)
  await expect
    .poll(async () => (await receipts(server)).map((r) => r.action))
    .toEqual(['accept-all', 'withdraw'])
})
