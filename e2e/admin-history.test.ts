// The admin's after-the-fact tools in real Chromium against the real server: rolling back a revision,
// erasing a visitor's receipts, and reading the insights, each checked against what visitors and the
// ledger really see.

import type { Page } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  adminSession,
  type BannerAction,
  bannerButton,
  loggedInAdminPage,
  publishDemo,
  readChoice,
  recordGoogleRequests,
  runAxe,
  startTestServer,
  type TestServer,
  useBrowser,
  waitForBanner,
} from './support/index.ts'

const browser = useBrowser()

async function adminPage(server: TestServer): Promise<Page> {
  const page = await loggedInAdminPage(browser, server)
  await page.getByRole('link', { name: 'Xtra' }).first().click()
  return page
}

/** A fresh visitor on the demo home page who answers the banner with `action`; returns the consent id. */
async function visitorChooses(server: TestServer, action: BannerAction): Promise<string> {
  const context = await browser.newContext()
  await recordGoogleRequests(context)
  const page = await context.newPage()
  await page.goto(server.at('/demo/'))
  await waitForBanner(page)
  await bannerButton(page, action).click()
  await expect.poll(() => readChoice(page)).not.toBeNull()
  const { consentId } = (await readChoice(page)) as { consentId: string }
  await context.close()
  return consentId
}

const receiptCount = async (server: TestServer) =>
  (await server.ledger.list('xtra', { limit: 100 })).receipts.length

test('rollback: revision 1 goes live again as revision 3, and a new visitor is shown its vendors', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  await publishDemo(server, (config) => ({
    ...config,
    vendors: config.vendors.filter((vendor) => vendor.key !== 'google-adsense'),
  }))
  const page = await adminPage(server)
  await page.getByRole('link', { name: 'Publish', exact: true }).click()
  await page.getByRole('button', { name: 'Roll back to revision 1' }).click()
  const dialog = page.getByRole('dialog')
  await expect.poll(() => dialog.textContent()).toContain('revision 1 again')
  await dialog.getByRole('button', { name: /Roll back|Publish|OK|Yes/ }).click()
  await page.getByText('Revision 1 is live again as revision 3.').waitFor()
  // The draft became revision 1's config too: nothing is pending, so the next publish cannot undo it.
  await page.getByText('The draft is the same as the live revision.').waitFor()
  expect(await page.getByRole('button', { name: 'Publish the draft' }).isDisabled()).toBe(true)
  // Revision 1 is what is live now: rolling back to it again would change nothing, so it is not offered.
  const history = page.getByRole('table')
  const rowOf = (number: number) =>
    history.getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(number) }) })
  await rowOf(1).getByText('Same as the live revision').waitFor()
  expect(await rowOf(1).getByRole('button').count()).toBe(0)
  await rowOf(2).getByRole('button', { name: 'Roll back to revision 2' }).waitFor()
  expect(await runAxe(page)).toEqual([])
  // The pages that edit the draft show the rolled-back config, not what was live before.
  await page.getByRole('link', { name: 'Vendors', exact: true }).click()
  await page.getByRole('heading', { level: 2, name: 'Google AdSense' }).waitFor()
  await page.getByRole('status').filter({ hasText: 'All changes saved in the draft' }).waitFor()

  const live = (await (await fetch(server.at('/s/xtra/config.json'))).json()) as {
    number: number
    hash: string
    config: { vendors: { key: string }[] }
  }
  expect(live.number).toBe(3)
  expect(live.config.vendors.map((vendor) => vendor.key)).toContain('google-adsense')
  // Same config, same bytes: the new revision carries revision 1's content hash.
  const admin = await adminSession(server)
  const { revisions } = (await (await admin('/sites/xtra/revisions')).json()) as {
    revisions: { number: number; hash: string }[]
  }
  const hashOf = (number: number) => revisions.find((revision) => revision.number === number)?.hash
  expect(hashOf(3)).toBe(hashOf(1))
  expect(hashOf(2)).not.toBe(hashOf(1))
  expect(live.hash).toBe(hashOf(1))

  const context = await browser.newContext({ locale: 'en-GB' })
  await recordGoogleRequests(context)
  const visitor = await context.newPage()
  await visitor.goto(server.at('/demo/en/'))
  await waitForBanner(visitor)
  await bannerButton(visitor, 'customize').click()
  await visitor.locator('torii-consent').getByText('Google AdSense').first().waitFor()
})

test('erasure: the visitor’s receipts lose their payload, the others stay, and the ledger still verifies', async () => {
  const server = await startTestServer({ sealIntervalMs: 200, sealBatchSize: 1 })
  onTestFinished(() => server.close())
  const erased = await visitorChooses(server, 'accept-all')
  const kept = await visitorChooses(server, 'reject-all')
  await expect.poll(() => receiptCount(server)).toBe(2)

  const page = await adminPage(server)
  await page.getByRole('link', { name: 'Receipts', exact: true }).click()
  const form = page.getByRole('region', { name: 'Erase by consent id' })
  await form.getByLabel('Consent id', { exact: true }).fill(erased)
  await form.getByRole('button', { name: 'Erase…' }).click()
  const dialog = page.getByRole('dialog')
  await expect.poll(() => dialog.textContent()).toContain(erased)
  await dialog.getByRole('button', { name: 'Erase', exact: true }).click()
  await page.getByText('1 receipt(s) erased.').waitFor()
  expect(await runAxe(page)).toEqual([])

  const { receipts } = await server.ledger.list('xtra', { limit: 10 })
  const gone = receipts.find((receipt) => receipt.erasedAt !== null)
  // The contract's Receipt gives an erased payload as empty values.
  expect(gone).toMatchObject({ consentId: '', purposes: {}, pageUrl: '', userAgent: null, ipTruncated: null })
  expect(gone?.hash).toMatch(/^[0-9a-f]{64}$/)
  expect(receipts.find((receipt) => receipt.consentId === kept)?.erasedAt).toBeNull()
  expect(receipts.some((receipt) => receipt.consentId === erased)).toBe(false)
  await server.ledger.seal?.()
  expect(await server.ledger.verify?.()).toMatchObject({ ok: true, receipts: 2 })
})

test('insights: the counts per action and the consent rate per purpose are what three visitors chose', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  await visitorChooses(server, 'accept-all')
  await visitorChooses(server, 'accept-all')
  await visitorChooses(server, 'reject-all')
  await expect.poll(() => receiptCount(server)).toBe(3)

  const page = await adminPage(server)
  await page.getByRole('link', { name: 'Insights', exact: true }).click()
  await page.getByRole('heading', { name: 'Choices per day' }).waitFor()
  await page.getByText('The numbers').click()
  const today = new Date().toISOString().slice(0, 10)
  const perDay = page.getByRole('table', { name: 'Choices per day' })
  const row = perDay.getByRole('row').filter({ has: page.getByRole('rowheader', { name: today }) })
  const headers = await perDay.getByRole('columnheader').allTextContents()
  const cells = await row.getByRole('cell').allTextContents()
  const count = (label: string) => Number(cells[headers.indexOf(label) - 1])
  expect(count('Accept all')).toBe(2)
  expect(count('Reject all')).toBe(1)

  const perPurpose = page.getByRole('table', { name: 'Consent rate per purpose' })
  const analytics = perPurpose
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Analytics' }) })
  expect(await analytics.getByRole('cell').allTextContents()).toEqual(['2', '3', '66.7%'])
  expect(await runAxe(page)).toEqual([])
})
