// The admin journey in real Chromium against the real server: catalog → publish → banner → receipt → proof → CSV → disclosure.
import type { Page } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  bannerButton,
  bannerHost,
  collectPageErrors,
  publishDraft,
  readChoice,
  recordGoogleRequests,
  saveDraft,
  startTestServer,
  submitAdminLogin,
  type TestServer,
  useBrowser,
  waitForBanner,
} from './support/index.ts'

const browser = useBrowser()

/** The receipt id at the end of an admin receipt URL. */
const receiptId = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop()!)

async function logIn(page: Page, server: TestServer) {
  await submitAdminLogin(page, server)
  await page.getByRole('heading', { level: 1, name: 'Sites' }).waitFor()
}

test('an admin adds Google AdSense from the catalog, publishes, and proves the visitor’s consent', async () => {
  const server = await startTestServer({ sealIntervalMs: 200, sealBatchSize: 1 })
  onTestFinished(() => server.close())

  // The admin, in English.
  const adminContext = await browser.newContext({ locale: 'en-GB' })
  const admin = await adminContext.newPage()
  // Before logging in, the session check answers 401: the browser logs that failed request, nothing else may fail.
  const adminErrors = collectPageErrors(admin, { ignore: [/status of 401 .*\/api\/admin\/session\)$/] })
  await logIn(admin, server)
  await admin.getByRole('link', { name: 'Xtra' }).first().click()
  await admin.getByRole('link', { name: 'Vendors', exact: true }).click()
  await admin.waitForURL('**/admin/sites/xtra/vendors')

  // Start from a live revision without AdSense: the demo seeds it, so remove it and publish first.
  await admin.getByRole('button', { name: 'Remove Google AdSense' }).click()
  await expect.poll(() => admin.getByText('Unsaved changes').isVisible()).toBe(true)
  await saveDraft(admin)
  expect(await publishDraft(admin, 'xtra')).toBe(2)
  const liveWithout = (await (await fetch(server.at('/s/xtra/config.json'))).json()) as {
    number: number
    config: { vendors: { key: string }[] }
  }
  expect(liveWithout.number).toBe(2)
  expect(liveWithout.config.vendors.map((vendor) => vendor.key)).not.toContain('google-adsense')

  // Add AdSense from the catalog to advertising, save, check the diff, publish.
  await admin.getByRole('link', { name: 'Vendors', exact: true }).click()
  const preset = admin.locator('[data-preset="google-adsense"]')
  expect(await preset.getByLabel('Purpose for Google AdSense').inputValue()).toBe('advertising')
  await preset.getByRole('button', { name: 'Add Google AdSense' }).click()
  await admin.getByText('Google AdSense added to Advertising. Save the draft to keep it.').waitFor()
  await expect.poll(() => admin.locator('[data-vendor="google-adsense"]').count()).toBe(1)
  await saveDraft(admin)
  await admin.getByRole('link', { name: 'Publish', exact: true }).click()
  await admin.locator('table.changes').getByText('vendors.google-adsense').first().waitFor()
  const revision = await publishDraft(admin, 'xtra')
  expect(revision).toBe(3)
  await admin.getByText('The draft is the same as the live revision.').waitFor()

  // A visitor in a fresh context: the banner lists AdSense; accept.
  const visitorContext = await browser.newContext({ locale: 'ja-JP' })
  const google = await recordGoogleRequests(visitorContext)
  const visitor = await visitorContext.newPage()
  await visitor.goto(server.at('/demo/'))
  await waitForBanner(visitor)
  await bannerButton(visitor, 'customize').click()
  // Playwright's locators pierce the banner's open shadow root.
  await bannerHost(visitor).getByText('Google AdSense').first().waitFor()
  await bannerButton(visitor, 'close').click()
  await bannerButton(visitor, 'accept-all').click()
  await bannerButton(visitor, 'accept-all').waitFor({ state: 'hidden' })
  const choice = (await readChoice(visitor)) as {
    consentId: string
    revision: number
    vendors: Record<string, boolean>
  }
  expect(choice.revision).toBe(revision)
  expect(choice.vendors['google-adsense']).toBe(true)
  google.assertNoStrayRequests()

  // The receipt appears in the admin's list, and its proof verifies once its batch is sealed.
  await admin.getByRole('link', { name: 'Receipts', exact: true }).click()
  await admin.getByLabel('Consent id').first().fill(choice.consentId)
  await admin.getByRole('button', { name: 'Search', exact: true }).click()
  const row = admin.locator('tr', { hasText: choice.consentId })
  await row.waitFor()
  expect(await row.textContent()).toContain('Accept all')
  await row.getByRole('link').click()
  await admin.locator('[data-verified="true"]').waitFor({ timeout: 20_000 })
  expect(await admin.getByText('Verified: the receipt matches its signed batch.').isVisible()).toBe(true)
  const proof = (await (
    await fetch(server.at(`/receipts/${encodeURIComponent(receiptId(admin.url()))}`))
  ).json()) as {
    inclusion: { batch: number; signature: string; root: string } | null
  }
  expect(proof.inclusion).not.toBeNull()
  const proofSection = admin.locator('section', { has: admin.getByRole('heading', { name: 'Proof' }) })
  expect(await proofSection.textContent()).toContain(proof.inclusion!.signature)
  expect(await proofSection.textContent()).toContain(proof.inclusion!.root)

  // The CSV export (the link the admin clicks, with the admin's session) contains it.
  await admin.getByRole('link', { name: 'Back to receipts' }).click()
  const csvHref = await admin.getByRole('link', { name: 'Download CSV' }).getAttribute('href')
  expect(csvHref).toMatch(/^\/api\/admin\/sites\/xtra\/export\?/)
  const csv = await adminContext.request.get(server.at(csvHref!))
  expect(csv.status()).toBe(200)
  expect(await csv.text()).toContain(choice.consentId)

  // The public disclosure page lists AdSense with its recipient and purpose, in Japanese.
  const reader = await (await browser.newContext()).newPage()
  await reader.goto(server.at('/s/xtra/disclosure?lang=ja'))
  const section = reader.locator('[data-vendor="google-adsense"]')
  await section.waitFor()
  const text = (await section.textContent()) ?? ''
  expect(text).toContain('Google AdSense')
  expect(text).toContain('送信先の名称')
  expect(text).toContain('Google LLC（米国）')
  expect(text).toContain('広告')
  expect(text).toContain('行動ターゲティング広告')

  // The admin's disclosure page shows the same notice from the live revision.
  await admin.getByRole('link', { name: 'Disclosure', exact: true }).click()
  await admin.getByTestId('disclosure').locator('[data-vendor="google-adsense"]').waitFor()
  expect(await admin.getByText(`From revision ${revision}`).isVisible()).toBe(true)
  expect(adminErrors).toEqual([])
}, 180_000)
