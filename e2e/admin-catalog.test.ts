// The vendor catalog picker in real Chromium against the real server: search, add a Japanese vendor in one
// click, publish, and find it in the disclosure (外部送信) page, public and in the admin.
import { expect, onTestFinished, test } from 'vitest'
import {
  collectPageErrors,
  publishDraft,
  saveDraft,
  startTestServer,
  submitAdminLogin,
  useBrowser,
} from './support/index.ts'

const browser = useBrowser()

test('an admin finds SmartNews Ads in the catalog, adds it in one click and it is disclosed', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const context = await browser.newContext({ locale: 'en-GB' })
  const admin = await context.newPage()
  const errors = collectPageErrors(admin, { ignore: [/status of 401 .*\/api\/admin\/session\)$/] })
  await submitAdminLogin(admin, server)
  await admin.getByRole('heading', { level: 1, name: 'Sites' }).waitFor()
  await admin.goto(server.at('/admin/sites/xtra/vendors'))

  // The catalog arrives in a chunk of its own; then the search narrows it to one vendor.
  const search = admin.getByLabel('Search the catalog')
  await search.waitFor()
  const total = Number((await admin.getByText(/^\d+ of \d+ vendors$/).textContent())!.split(' ')[0])
  expect(total).toBeGreaterThanOrEqual(80)
  await search.fill('smartnews')
  await admin.getByText(`1 of ${total} vendors`).waitFor()
  const preset = admin.locator('[data-preset]')
  expect(await preset.count()).toBe(1)
  expect(await admin.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Advertising'])

  // One click adds it to the suggested purpose; it joins the draft's vendor list.
  expect(await preset.getByLabel('Purpose for SmartNews Ads Pixel').inputValue()).toBe('advertising')
  await preset.getByRole('button', { name: 'Add SmartNews Ads Pixel' }).click()
  await admin.getByText('SmartNews Ads Pixel added to Advertising. Save the draft to keep it.').waitFor()
  await preset.getByText('SmartNews Ads Pixel is added').waitFor()
  await expect.poll(() => admin.locator('[data-vendor="smartnews-ads"]').count()).toBe(1)
  await saveDraft(admin)
  const revision = await publishDraft(admin, 'xtra')

  // The public disclosure page, in Japanese: recipient, what is sent, and the purpose on this site.
  const reader = await (await browser.newContext()).newPage()
  await reader.goto(server.at('/s/xtra/disclosure?lang=ja'))
  const section = reader.locator('[data-vendor="smartnews-ads"]')
  await section.waitFor()
  const text = (await section.textContent()) ?? ''
  expect(text).toContain('SmartNews Ads Pixel')
  expect(text).toContain('スマートニュース株式会社（日本）')
  expect(text).toContain('広告クリックID')
  expect(text).toContain('SmartNews広告の成果の測定')

  // The admin's disclosure page shows it from the new live revision.
  await admin.getByRole('link', { name: 'Disclosure', exact: true }).click()
  await admin.getByTestId('disclosure').locator('[data-vendor="smartnews-ads"]').waitFor()
  expect(await admin.getByText(`From revision ${revision}`).isVisible()).toBe(true)
  expect(errors).toEqual([])
}, 120_000)
