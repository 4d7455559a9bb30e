// QA: a DPO searching receipts and exporting them. A range typed backwards is named at its field (not an
// error naming a UTC instant above the rows of the previous search), and the export is what the table shows.

import type { Page, Request } from 'playwright-core'
import { expect, test } from 'vitest'
import {
  loggedInAdminPage,
  recordReceipt,
  type TestServer,
  useBrowser,
  useTestServer,
} from './support/index.ts'

const server = useTestServer()
const browser = useBrowser()

async function receiptsPage(s: TestServer): Promise<{ page: Page; listRequests: Request[] }> {
  const page = await loggedInAdminPage(browser, s)
  const listRequests: Request[] = []
  page.on('request', (request) => {
    if (/\/api\/admin\/sites\/xtra\/receipts\?/.test(request.url())) listRequests.push(request)
  })
  await page.goto(s.at('/admin/sites/xtra/receipts'))
  await page.locator('tr[data-receipt]').first().waitFor()
  return { page, listRequests }
}

test('a To date before From is named at its field and nothing is searched', async () => {
  await recordReceipt(server(), 'qa-search-aaaaaaaaaaaa')
  const { page, listRequests } = await receiptsPage(server())
  const form = page.getByRole('form', { name: 'Search' })
  const asked = listRequests.length
  await form.getByLabel('From').fill('2026-11-26')
  await form.getByLabel('To').fill('2026-11-20')
  await form.getByRole('button', { name: 'Search' }).click()
  const to = form.getByLabel('To')
  await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true')
  await form.getByText('Must be the same day as From or later').waitFor()
  expect(listRequests.length).toBe(asked)
  expect(await page.getByText('Something went wrong').count()).toBe(0)
  // Put right, the search runs.
  await to.fill('2026-11-27')
  await form.getByRole('button', { name: 'Search' }).click()
  await expect.poll(() => listRequests.length).toBe(asked + 1)
})

test('the export links download what the table shows, not filters typed but not searched', async () => {
  await recordReceipt(server(), 'qa-search-bbbbbbbbbbbb')
  await recordReceipt(server(), 'qa-search-cccccccccccc')
  const { page } = await receiptsPage(server())
  const form = page.getByRole('form', { name: 'Search' })
  const csv = page.getByRole('link', { name: 'Download CSV' })
  const ndjson = page.getByRole('link', { name: 'Download NDJSON' })
  await form.getByLabel('Consent id').fill('qa-search-bbbbbbbbbbbb')
  // Typed, not searched: the table still lists every receipt, and so does the export.
  expect(await csv.getAttribute('href')).not.toContain('consentId')
  await form.getByRole('button', { name: 'Search' }).click()
  await expect.poll(() => page.locator('tr[data-receipt]').count()).toBe(1)
  await expect.poll(() => csv.getAttribute('href')).toContain('consentId=qa-search-bbbbbbbbbbbb')
  expect(await ndjson.getAttribute('href')).toContain('consentId=qa-search-bbbbbbbbbbbb')
  const exported = await page.context().request.get(server().at((await csv.getAttribute('href'))!))
  const rows = (await exported.text()).trim().split(/\r?\n/)
  expect(rows).toHaveLength(2)
  expect(rows[1]).toContain('qa-search-bbbbbbbbbbbb')
})
