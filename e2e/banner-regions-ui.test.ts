// What a visitor sees in each region's model, in real Chromium against the real server (issue #15): Japan's
// one-time notice (non-blocking, the disclosure link, OK, Preferences), the US "Your privacy choices" link, the
// preferences' Accept all and Reject all, opting out of what ran by default (its cookies deleted), and axe-core
// for the notice and the link in Japanese and English.
import type { BrowserContext } from 'playwright-core'
import { expect, test } from 'vitest'
import {
  formatViolations,
  preferencesButton,
  privacyChoicesLink,
  publishDemo,
  readChoice,
  regionNotice,
  runAxe,
  startRegionServer,
  storedReceipts,
  useBrowser,
  type VisitorOrigin,
  visitorFrom,
  waitForFloatingButton,
  waitForGateSettled,
} from './support/index.ts'

const browser = useBrowser()
const GA = /googletagmanager\.com\/gtag\/js/
const ADSENSE = /adsbygoogle\.js/
const JAPAN: VisitorOrigin = { country: 'JP' }
const CALIFORNIA: VisitorOrigin = { country: 'US', subdivision: 'US-CA' }

/** A first visit to `path` from `from`, on a fresh server with the demo's rules, once the gate settled. */
async function firstVisit(from: VisitorOrigin, path = '/demo/', options: { locale?: string } = {}) {
  const server = await startRegionServer()
  const visit = await visitorFrom(browser, from, options)
  await visit.page.goto(server.at(path))
  await waitForGateSettled(visit.page)
  return { server, ...visit }
}

const cookieNames = async (context: BrowserContext) => (await context.cookies()).map((c) => c.name)

test('the notice does not block: no focus taken, not modal, the page stays usable behind it', async () => {
  const { page } = await firstVisit(JAPAN)
  const notice = regionNotice(page)
  await notice.waitFor()
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)
  expect(await page.locator('torii-consent [aria-modal="true"]').count()).toBe(0)
  expect(await page.locator('torii-consent').getByRole('dialog').count()).toBe(0)
  // The keyboard starts on the page's own first link, and a click on the page reaches it.
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へスキップ')
  await page.getByRole('link', { name: '採用情報' }).first().click()
  await page.waitForURL('**/demo/recruit.html')
})

test('the notice links the disclosure, and OK dismisses it for good with a notice receipt that decides nothing', async () => {
  const { page, server, google, context } = await firstVisit(JAPAN)
  const notice = regionNotice(page)
  const disclosure = notice.locator('a[href*="/s/xtra/disclosure"]')
  expect(new URL((await disclosure.getAttribute('href'))!, page.url()).pathname).toBe('/s/xtra/disclosure')
  const response = await page.request.get(new URL((await disclosure.getAttribute('href'))!, page.url()).href)
  expect(response.status()).toBe(200)

  await notice.locator('[data-torii-action="close"]').click()
  await notice.waitFor({ state: 'detached' })
  await expect.poll(async () => (await storedReceipts(server)).length).toBe(1)
  const [receipt] = await storedReceipts(server)
  expect(receipt).toMatchObject({
    action: 'notice',
    // What was in force when the visitor dismissed it: every purpose, by the rule.
    purposes: { analytics: true, advertising: true },
    country: 'JP',
    regionRule: 'japan',
    regionModel: 'notice',
  })
  expect(receipt.subdivision).toBeUndefined()
  // The choice decides nothing (its cookie lists no purpose and no vendor); by the rule, all stay in force.
  const cookie = (await context.cookies()).find((c) => c.name === 'torii')
  expect(cookie?.value.split('~').slice(4)).toEqual(['', ''])
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: true, advertising: true } })

  google.clear()
  await page.reload()
  await waitForGateSettled(page)
  await waitForFloatingButton(page)
  expect(await regionNotice(page).count()).toBe(0)
  expect(google.count(GA)).toBe(1)
  expect(google.count(ADSENSE)).toBe(1)
  expect((await storedReceipts(server)).length).toBe(1)
})

test("the notice's Preferences button opens the preferences, every purpose on as in force", async () => {
  const { page } = await firstVisit(JAPAN)
  await regionNotice(page).locator('[data-torii-action="customize"]').click()
  const dialog = page.getByRole('dialog')
  await dialog.waitFor()
  expect(await dialog.getByRole('switch', { name: 'アクセス解析' }).isChecked()).toBe(true)
  expect(await dialog.getByRole('switch', { name: '広告' }).isChecked()).toBe(true)
})

test('California: the privacy choices link opens the preferences, by-default purposes on; Reject all there stops both and deletes their cookies', async () => {
  const { page, server, context, google } = await firstVisit(CALIFORNIA)
  await expect
    .poll(async () => (await cookieNames(context)).filter((n) => n.startsWith('_ga')).length)
    .toBe(2)
  await expect.poll(async () => (await cookieNames(context)).includes('__gads')).toBe(true)
  // From the keyboard: the link takes focus and Enter opens the preferences.
  await privacyChoicesLink(page).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await dialog.waitFor()
  expect(await dialog.getByRole('switch', { name: 'アクセス解析' }).isChecked()).toBe(true)
  expect(await dialog.getByRole('switch', { name: '広告' }).isChecked()).toBe(true)

  google.clear()
  const reloaded = page.waitForEvent('load')
  await preferencesButton(page, 'reject-all').click()
  await reloaded
  await waitForGateSettled(page)
  expect(google.count()).toBe(0)
  const left = await cookieNames(context)
  expect(left.filter((n) => n.startsWith('_ga') || n === '__gads')).toEqual([])
  await expect.poll(async () => (await storedReceipts(server)).length).toBe(1)
  // What ran by default, revoked: a withdrawal, as when it ran by consent.
  expect((await storedReceipts(server))[0]).toMatchObject({
    action: 'withdraw',
    purposes: { analytics: false, advertising: false },
    country: 'US',
    subdivision: 'US-CA',
    regionRule: 'us-privacy',
    regionModel: 'opt-out',
  })
  // The link stays on every page view of an opt-out region, a choice made or not.
  await privacyChoicesLink(page).waitFor()
})

test('California: the privacy choices link shows even where the site turned the floating button off', async () => {
  const server = await startRegionServer()
  await publishDemo(server, (config) => ({ ...config, look: { ...config.look, floatingButton: false } }))
  const { page } = await visitorFrom(browser, CALIFORNIA)
  await page.goto(server.at('/demo/'))
  await waitForGateSettled(page)
  await privacyChoicesLink(page).waitFor()
})

test('California: opting out of analytics after its default grant deletes the _ga cookies, reloads, and GA stays away', async () => {
  const { page, server, context, google } = await firstVisit(CALIFORNIA)
  await expect
    .poll(async () => (await cookieNames(context)).filter((n) => n.startsWith('_ga')).length)
    .toBe(2)
  await privacyChoicesLink(page).click()
  await page.getByRole('dialog').getByRole('switch', { name: 'アクセス解析' }).uncheck()
  google.clear()
  const reloaded = page.waitForEvent('load')
  await preferencesButton(page, 'save').click()
  await reloaded
  expect((await cookieNames(context)).filter((n) => n.startsWith('_ga'))).toEqual([])
  await waitForGateSettled(page)
  expect(google.count(GA)).toBe(0)
  expect(google.count(ADSENSE)).toBe(1)
  await expect.poll(async () => (await storedReceipts(server)).length).toBe(1)
  expect((await storedReceipts(server))[0]).toMatchObject({
    action: 'withdraw',
    purposes: { analytics: false, advertising: true },
    regionModel: 'opt-out',
  })
})

test('Germany: the preferences offer Accept all beside Reject all, nothing pre-ticked; Accept all there runs both', async () => {
  const { page, server, google } = await firstVisit({ country: 'DE' })
  await page.locator('torii-consent [data-torii-action="customize"]').first().click()
  const dialog = page.getByRole('dialog')
  await dialog.waitFor()
  expect(await dialog.getByRole('switch', { name: 'アクセス解析' }).isChecked()).toBe(false)
  expect(await dialog.getByRole('switch', { name: '広告' }).isChecked()).toBe(false)
  await preferencesButton(page, 'reject-all').waitFor()
  await preferencesButton(page, 'accept-all').click()
  await expect.poll(() => google.count(ADSENSE)).toBe(1)
  expect(google.count(GA)).toBe(1)
  await expect.poll(async () => (await storedReceipts(server)).length).toBe(1)
  expect((await storedReceipts(server))[0]).toMatchObject({
    action: 'accept-all',
    country: 'DE',
    regionRule: 'eea-uk-ch',
  })
})

for (const [language, path, locale] of [
  ['Japanese', '/demo/', 'ja-JP'],
  ['English', '/demo/en/', 'en-US'],
] as const) {
  test(`axe-core: the notice and the privacy choices link are clean (${language})`, async () => {
    const japan = await firstVisit(JAPAN, path, { locale })
    await regionNotice(japan.page).waitFor()
    const noticeViolations = await runAxe(japan.page, 'torii-consent')
    expect(noticeViolations, formatViolations(noticeViolations)).toEqual([])

    const california = await firstVisit(CALIFORNIA, path, { locale })
    await privacyChoicesLink(california.page).waitFor()
    const linkViolations = await runAxe(california.page, 'torii-consent')
    expect(linkViolations, formatViolations(linkViolations)).toEqual([])
  })
}
