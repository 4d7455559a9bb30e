// The demo site in real Chromium against the real server and the built banner: blocking, pages, accessibility.
import { expect, onTestFinished, test } from 'vitest'
import {
  bannerButton,
  collectPageErrors,
  formatViolations,
  readChoice,
  readGoogleStub,
  recordGoogleRequests,
  runAxe,
  startTestServer,
  type TestServer,
  useBrowser,
  useTestServer,
  waitForBanner,
  waitForGateSettled,
} from './support/index.ts'

const PAGES = [
  '/demo/',
  '/demo/inquiry.html',
  '/demo/recruit.html',
  '/demo/privacy.html',
  '/demo/en/',
  '/demo/en/inquiry.html',
  '/demo/en/recruit.html',
  '/demo/en/privacy.html',
]

const browser = useBrowser()
// The page checks make no choice and write nothing, so they share one server.
const readOnlyServer = useTestServer()

/**
 * A fresh context that records Google requests and a page collecting errors, on `shared` (tests that only
 * read) or else on a fresh server with its own database.
 */
async function visit(path: string, shared?: TestServer) {
  const server = shared ?? (await startTestServer())
  if (!shared) onTestFinished(() => server.close())
  const context = await browser.newContext()
  const google = await recordGoogleRequests(context)
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  await page.goto(server.at(path))
  return { server, context, google, page, errors }
}

const panelValue = (page: import('playwright-core').Page, term: string | RegExp) =>
  page.locator('#tag-panel dt', { hasText: term }).locator('xpath=following-sibling::dd[1]')

test('Reject all: the banner goes, stays gone after a reload, and no request ever reaches a Google host', async () => {
  const { google, page, errors, context } = await visit('/demo/')
  await waitForBanner(page)
  expect(await readChoice(page)).toBeNull()
  await bannerButton(page, 'reject-all').click()
  await bannerButton(page, 'reject-all').waitFor({ state: 'hidden' })
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: false, advertising: false } })
  expect((await context.cookies()).map((c) => c.name)).toContain('torii')

  await page.reload()
  await waitForGateSettled(page)
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: false, advertising: false } })
  await expect.poll(() => bannerButton(page, 'reject-all').isVisible()).toBe(false)
  await page.goto(page.url().replace(/\/demo\/.*$/, '/demo/recruit.html'))
  await waitForGateSettled(page)
  expect(await bannerButton(page, 'reject-all').isVisible()).toBe(false)
  await expect(panelValue(page, 'Google アナリティクス').textContent()).resolves.toBe('停止中')
  await expect(panelValue(page, 'Google AdSense').textContent()).resolves.toBe('停止中')

  expect(google.requests).toEqual([])
  expect(await readGoogleStub(page)).toEqual({})
  expect(await page.locator('ins.adsbygoogle[data-adsbygoogle-status]').count()).toBe(0)
  expect((await context.cookies()).map((c) => c.name).filter((n) => /^(_ga|__gads|_gcl)/.test(n))).toEqual([])
  google.assertNoStrayRequests()
  expect(errors).toEqual([])
})

test('Accept all runs the marked Google tags (stubbed), after the Consent Mode default, and the panel shows it', async () => {
  const { google, page, errors } = await visit('/demo/')
  await waitForBanner(page)
  expect(google.count()).toBe(0)
  await bannerButton(page, 'accept-all').click()
  await expect.poll(() => google.count('/gtag/js?id=G-')).toBe(1)
  await expect.poll(() => google.count('/pagead/js/adsbygoogle.js?client=ca-pub-')).toBe(1)
  await expect.poll(() => google.count('/g/collect')).toBeGreaterThan(0)
  await page.waitForFunction(() => document.querySelector('ins.adsbygoogle[data-adsbygoogle-status="done"]'))
  const stub = await readGoogleStub(page)
  expect(stub.gtag?.commands[0].args.slice(0, 2)).toEqual(['consent', 'default'])
  expect(stub.gtag?.consent).toMatchObject({ analytics_storage: 'granted', ad_storage: 'granted' })
  expect(stub.gtag?.hits.map((h) => h.gcs)).toContain('G111')
  await expect.poll(() => panelValue(page, 'Google アナリティクス').textContent()).toBe('実行済み')
  await expect.poll(() => panelValue(page, 'Google AdSense').textContent()).toBe('実行済み')
  google.assertNoStrayRequests()
  expect(errors).toEqual([])
})

test.each(PAGES)(
  '%s loads with no page error, no axe violation outside the banner, and no Google request',
  async (path) => {
    const { google, page, errors } = await visit(path)
    await waitForBanner(page)
    await waitForGateSettled(page)
    // The gate comes first in <head>, before anything it must hold back.
    expect(await page.evaluate(() => (document.head.firstElementChild as HTMLScriptElement).src)).toMatch(
      /\/s\/xtra\/gate\.js$/
    )
    await expect.poll(() => page.locator('#tag-panel dd').count()).toBe(5)
    const violations = await runAxe(page, { exclude: ['torii-consent'] })
    expect(violations, formatViolations(violations)).toEqual([])
    expect(google.requests).toEqual([])
    google.assertNoStrayRequests()
    expect(errors).toEqual([])
  }
)

test('every local link on the demo pages leads to a page that exists', async () => {
  const { page, server } = await visit('/demo/', readOnlyServer())
  const links = new Set<string>()
  for (const path of PAGES) {
    await page.goto(server.at(path))
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))
    for (const href of hrefs) if (href.startsWith(server.url)) links.add(href.split('#')[0])
  }
  const broken: string[] = []
  for (const link of links) {
    const response = await fetch(link)
    if (!response.ok) broken.push(`${response.status} ${link}`)
  }
  expect(broken).toEqual([])
  expect(links.size).toBeGreaterThan(PAGES.length)
})

test('the English switch leads to the English page, whose banner speaks English', async () => {
  const { page, errors } = await visit('/demo/privacy.html')
  await waitForBanner(page)
  await expect(bannerButton(page, 'reject-all').textContent()).resolves.toMatch(/拒否/)
  await page.locator('header').getByRole('link', { name: 'English' }).click()
  await page.waitForURL(/\/demo\/en\/privacy\.html$/)
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
  await waitForBanner(page)
  await expect(bannerButton(page, 'reject-all').textContent()).resolves.toMatch(/reject/i)
  expect(errors).toEqual([])
})

test('the privacy page’s 「Cookie設定」 link reopens the preferences after a choice', async () => {
  const { page, google, errors } = await visit('/demo/privacy.html')
  await waitForBanner(page)
  await bannerButton(page, 'reject-all').click()
  await bannerButton(page, 'reject-all').waitFor({ state: 'hidden' })
  await page.locator('main').getByRole('link', { name: 'Cookie設定' }).click()
  await bannerButton(page, 'save').waitFor({ state: 'visible' })
  const violations = await runAxe(page, 'torii-consent')
  expect(violations, formatViolations(violations)).toEqual([])
  expect(google.count()).toBe(0)
  expect(errors).toEqual([])
})

test('the inquiry form checks its fields and says, as a demo, that nothing was sent', async () => {
  const { page, errors } = await visit('/demo/inquiry.html')
  await waitForBanner(page)
  await bannerButton(page, 'reject-all').click()
  await page.getByRole('button', { name: '送信する' }).click()
  expect(await page.locator('#inquiry-status').textContent()).toBe('')
  await page.getByLabel('お名前').fill('山田 太郎')
  await page.getByLabel('メールアドレス').fill('taro@example.com')
  await page.getByLabel('お問い合わせ内容').fill('資料をお送りください。')
  await page.getByLabel('プライバシーポリシーに同意します').check()
  await page.getByRole('button', { name: '送信する' }).click()
  await expect.poll(() => page.locator('#inquiry-status').textContent()).toMatch(/送信しました/)
  expect(errors).toEqual([])
})
