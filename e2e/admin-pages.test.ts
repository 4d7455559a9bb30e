// Every admin page in real Chromium: zero axe-core violations in Japanese and English, no sideways scroll at 360 px,
// and a keyboard-only path through the vendor catalog.
import type { BrowserContextOptions, Page } from 'playwright-core'
import { beforeAll, expect, onTestFinished, test } from 'vitest'
import {
  bannerButton,
  collectPageErrors,
  formatViolations,
  readChoice,
  runAxe,
  startTestServer,
  type TestServer,
  useBrowser,
  useTestServer,
  waitForBanner,
} from './support/index.ts'

const server = useTestServer({ sealIntervalMs: 200, sealBatchSize: 1 })
const browser = useBrowser()

const LANGUAGES = {
  en: {
    locale: 'en-GB',
    login: ['Email', 'Password', 'Log in'],
    headings: {
      '/admin/': 'Sites',
      '/admin/sites/xtra/settings': 'Settings',
      '/admin/sites/xtra/purposes': 'Purposes',
      '/admin/sites/xtra/vendors': 'Vendors',
      '/admin/sites/xtra/regions': 'Regions',
      '/admin/sites/xtra/look': 'Texts and look',
      '/admin/sites/xtra/publish': 'Publish',
      '/admin/sites/xtra/receipts': 'Receipts',
      RECEIPT: 'Receipts',
      '/admin/sites/xtra/insights': 'Insights',
      '/admin/sites/xtra/disclosure': 'Disclosure',
      '/admin/sites/xtra/scan': 'Scan',
      '/admin/users': 'Users',
      '/admin/account': 'Account',
      '/admin/nowhere': 'Page not found',
    },
  },
  ja: {
    locale: 'ja-JP',
    login: ['メールアドレス', 'パスワード', 'ログイン'],
    headings: {
      '/admin/': 'サイト',
      '/admin/sites/xtra/settings': '設定',
      '/admin/sites/xtra/purposes': '利用目的',
      '/admin/sites/xtra/vendors': '送信先（ベンダー）',
      '/admin/sites/xtra/regions': '地域',
      '/admin/sites/xtra/look': '文言とデザイン',
      '/admin/sites/xtra/publish': '公開',
      '/admin/sites/xtra/receipts': '同意記録',
      RECEIPT: '同意記録',
      '/admin/sites/xtra/insights': '分析',
      '/admin/sites/xtra/disclosure': '外部送信の公表',
      '/admin/sites/xtra/scan': 'スキャン',
      '/admin/users': 'ユーザー',
      '/admin/account': 'アカウント',
      '/admin/nowhere': 'ページが見つかりません',
    },
  },
} as const

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } }
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }

let receiptPath = ''

beforeAll(async () => {
  // One receipt to show on the receipt page: a visitor accepts on the demo site.
  const context = await browser.browser.newContext()
  try {
    const page = await context.newPage()
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort())
    await page.goto(server().at('/demo/'))
    await waitForBanner(page)
    await bannerButton(page, 'accept-all').click()
    await bannerButton(page, 'accept-all').waitFor({ state: 'hidden' })
    expect(await readChoice(page)).toMatchObject({ purposes: { analytics: true } })
  } finally {
    await context.close()
  }
})

async function logIn(page: Page, labels: readonly string[], on: TestServer = server()) {
  await page.goto(on.at('/admin/'))
  await page.waitForURL(/\/admin\/login/)
  await page.getByLabel(labels[0]!, { exact: true }).fill('admin@example.com')
  await page.getByLabel(labels[1]!, { exact: true }).fill('torii-demo')
  await page.getByRole('button', { name: labels[2], exact: true }).click()
  await page.waitForURL((url) => !url.pathname.includes('/login'))
}

/** Waits until the page shows its heading and nothing is loading any more. */
async function settle(page: Page, heading: string) {
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor()
  await expect.poll(() => page.locator('.loading').count(), { timeout: 10_000 }).toBe(0)
  if (page.url().endsWith('/look')) {
    await page.locator('[data-testid="banner-preview"] [data-torii-action="accept-all"]').first().waitFor()
  }
}

async function checkPage(page: Page, path: string, heading: string, phone: boolean) {
  await page.goto(server().at(path))
  await settle(page, heading)
  const violations = await runAxe(page)
  expect(violations, `${path}\n${formatViolations(violations)}`).toEqual([])
  if (phone) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow, `${path} scrolls sideways at 360 px`).toBeLessThanOrEqual(0)
  }
}

for (const [language, spec] of Object.entries(LANGUAGES)) {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['360 px', PHONE],
  ] as const) {
    test(`every admin page passes axe-core in ${language} (${size})`, async () => {
      const context = await browser.newContext({ locale: spec.locale, ...viewport })
      const page = await context.newPage()
      const errors = collectPageErrors(page, { ignore: [/status of 40[14] /] })
      const phone = viewport === PHONE

      await page.goto(server().at('/admin/'))
      await page.getByRole('heading', { level: 1, name: spec.login[2], exact: true }).waitFor()
      const loginViolations = await runAxe(page)
      expect(loginViolations, `login\n${formatViolations(loginViolations)}`).toEqual([])

      await logIn(page, spec.login)
      for (const [path, heading] of Object.entries(spec.headings)) {
        if (path === 'RECEIPT') {
          if (!receiptPath) {
            await page.goto(server().at('/admin/sites/xtra/receipts'))
            await page.locator('table.receipts tbody tr a').first().waitFor()
            receiptPath = new URL(
              (await page.locator('table.receipts tbody tr a').first().getAttribute('href'))!,
              server().url
            ).pathname
          }
          await checkPage(page, receiptPath, heading, phone)
          await page.locator('[data-verified="true"]').waitFor({ timeout: 20_000 })
          const violations = await runAxe(page)
          expect(violations, formatViolations(violations)).toEqual([])
          continue
        }
        await checkPage(page, path, heading, phone)
      }
      expect(errors).toEqual([])
    }, 240_000)
  }
}

/** A server of the test's own, for tests that change the draft. */
async function ownServer(): Promise<TestServer> {
  const own = await startTestServer()
  onTestFinished(() => own.close())
  return own
}

test('the vendor catalog works by keyboard alone', async () => {
  const own = await ownServer()
  const context = await browser.newContext({ locale: 'en-GB', ...DESKTOP })
  const page = await context.newPage()
  await logIn(page, LANGUAGES.en.login, own)
  await page.goto(own.at('/admin/sites/xtra/vendors'))
  await settle(page, 'Vendors')

  // The skip link comes first and takes focus to the content.
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
  await page.keyboard.press('Enter')
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')

  // Tab to "Add Meta Pixel" and press Enter.
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '')
  let steps = 0
  while ((await focused()) !== 'Add Meta Pixel' && steps < 300) {
    await page.keyboard.press('Tab')
    steps++
  }
  expect(await focused()).toBe('Add Meta Pixel')
  await page.keyboard.press('Enter')
  await page.getByRole('status').filter({ hasText: 'Meta Pixel added to Advertising' }).waitFor()
  expect(await page.locator('[data-vendor="meta-pixel"]').count()).toBe(1)

  // Focus is visible: the focused control draws an outline.
  await page.keyboard.press('Shift+Tab')
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
  expect(outline).not.toBe('none')

  // Save with the keyboard: Tab backwards to "Save draft".
  steps = 0
  while ((await focused()) !== 'Save draft' && steps < 400) {
    await page.keyboard.press('Shift+Tab')
    steps++
  }
  await page.keyboard.press('Enter')
  await page.getByRole('status').filter({ hasText: 'Draft saved.' }).waitFor()
})

test('an invalid draft shows its errors at the fields and in a linked list, and is not saved', async () => {
  const own = await ownServer()
  const context = await browser.newContext({ locale: 'ja-JP', ...DESKTOP })
  const page = await context.newPage()
  await logIn(page, LANGUAGES.ja.login, own)
  await page.goto(own.at('/admin/sites/xtra/vendors'))
  await settle(page, '送信先（ベンダー）')
  await page.getByRole('button', { name: 'ベンダーを手動で追加' }).click()
  await page.getByLabel('名前', { exact: true }).last().fill('Example Widget')
  await page.getByRole('button', { name: '下書きを保存' }).click()

  const url = page.getByLabel('プライバシーポリシーのURL', { exact: true }).last()
  await expect.poll(() => url.getAttribute('aria-invalid')).toBe('true')
  const describedBy = (await url.getAttribute('aria-describedby'))!
  const errorId = describedBy.split(' ').pop()!
  expect(await page.evaluate((id) => document.getElementById(id)?.textContent, errorId)).toContain(
    'URLを入力してください'
  )
  // The list names the field as the form labels it, not by its path (vendors.2.privacyPolicyUrl).
  await page
    .locator('.problems')
    .getByText('ベンダー 3（Example Widget） › プライバシーポリシーのURL')
    .waitFor()
  await page.getByRole('status').filter({ hasText: '印の付いた項目を確認してください。' }).waitFor()
  const violations = await runAxe(page)
  expect(violations, formatViolations(violations)).toEqual([])

  // Nothing reached the server: the stored draft still has two vendors.
  const stored = await context.request.get(own.at('/api/admin/sites/xtra/draft'))
  expect(((await stored.json()) as { draft: { vendors: unknown[] } }).draft.vendors).toHaveLength(2)

  // Leaving the site with unsaved changes asks first; refusing keeps the admin here.
  page.once('dialog', (dialog) => dialog.dismiss())
  await page.getByRole('link', { name: /Torii/ }).click()
  expect(new URL(page.url()).pathname).toBe('/admin/sites/xtra/vendors')
})

test('Back out of a site with unsaved changes asks first; refusing keeps the page, its address and the edit', async () => {
  const own = await ownServer()
  const context = await browser.newContext({ locale: 'en-GB', ...DESKTOP })
  const page = await context.newPage()
  await logIn(page, LANGUAGES.en.login, own)
  await settle(page, 'Sites')
  // In-app steps only, so Back and Forward are the router's (popstate), not page loads.
  await page.getByRole('link', { name: 'Xtra' }).first().click()
  await page.getByRole('link', { name: 'Vendors', exact: true }).click()
  await settle(page, 'Vendors')
  await page.getByRole('button', { name: 'Remove Google AdSense' }).click()
  await page.getByText('Unsaved changes').waitFor()

  // Back within the site keeps the working draft and asks nothing.
  await page.goBack()
  await page.waitForURL('**/admin/sites/xtra/settings')
  await page.getByText('Unsaved changes').waitFor()

  // Back out of the site: asked; refused, the address returns and the change is still there.
  let asked = 0
  page.once('dialog', (dialog) => {
    asked++
    return dialog.dismiss()
  })
  await page.goBack()
  await expect.poll(() => asked).toBe(1)
  await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/sites/xtra/settings')
  await page.getByText('Unsaved changes').waitFor()
  expect(await page.getByRole('heading', { level: 1, name: 'Sites', exact: true }).count()).toBe(0)

  // Accepted, the admin leaves and the unsaved change is dropped, not saved.
  page.once('dialog', (dialog) => dialog.accept())
  await page.goBack()
  await settle(page, 'Sites')
  const stored = await context.request.get(own.at('/api/admin/sites/xtra/draft'))
  const vendors = ((await stored.json()) as { draft: { vendors: { key: string }[] } }).draft.vendors
  expect(vendors.map((vendor) => vendor.key)).toContain('google-adsense')
})

test('an admin creates a site and copies its install snippet', async () => {
  const own = await ownServer()
  const context = await browser.newContext({
    locale: 'en-GB',
    ...DESKTOP,
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  const page = await context.newPage()
  await logIn(page, LANGUAGES.en.login, own)
  await settle(page, 'Sites')
  await page.getByLabel('Name', { exact: true }).fill('Example Shop')
  await page.getByLabel('Site id (optional)').fill('Bad Id')
  await page.getByLabel('Allowed origins').fill('https://shop.example.com\nnot-an-origin')
  await page.getByRole('button', { name: 'Create a site' }).click()
  await page.getByText('must be lower-case letters, digits and dashes, starting with a letter').waitFor()
  await page.getByText(/must be an origin such as/).waitFor()

  await page.getByLabel('Site id (optional)').fill('shop')
  await page.getByLabel('Allowed origins').fill('https://shop.example.com')
  await page.getByRole('button', { name: 'Create a site' }).click()
  await page.waitForURL('**/admin/sites/shop/settings')
  await settle(page, 'Settings')
  const snippet = (await page.locator('pre.snippet').textContent()) ?? ''
  expect(snippet).toContain('/s/shop/gate.js')
  await page.getByRole('button', { name: 'Copy', exact: true }).click()
  await page.getByRole('status').filter({ hasText: 'Copied.' }).waitFor()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet)
  const violations = await runAxe(page)
  expect(violations, formatViolations(violations)).toEqual([])
})
