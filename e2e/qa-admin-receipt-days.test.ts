// QA: a DPO searching receipts by day in their own time zone. The list shows times in the browser's zone, so
// the day picked in the From/To fields must be that day in that zone (not the UTC day), and every time shown
// must name its zone.

import { expect, onTestFinished, test } from 'vitest'
import {
  collectPageErrors,
  recordReceipt,
  SESSION_401,
  submitAdminLogin,
  useBrowser,
  useTestServer,
} from './support/index.ts'

const server = useTestServer()
const browser = useBrowser()

test('a day picked in the receipt search is that day where the admin is, and times name their zone', async () => {
  const ack = await recordReceipt(server(), 'qa-receipt-days-000001')
  // A zone whose calendar day differs from the UTC day at the receipt's time, whatever the hour now:
  // UTC+14 from 10:00Z on (already tomorrow), UTC-11 before (still yesterday). Neither has summer time.
  const issued = Date.parse(ack.issuedAt)
  const plus14 = new Date(issued).getUTCHours() >= 10
  const timezoneId = plus14 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago'
  const localDay = new Date(issued + (plus14 ? 14 : -11) * 3_600_000).toISOString().slice(0, 10)
  expect(localDay).not.toBe(ack.issuedAt.slice(0, 10))

  const context = await browser.newContext({ locale: 'en-GB', timezoneId })
  const page = await context.newPage()
  const errors = collectPageErrors(page, { ignore: [SESSION_401] })
  onTestFinished(() => expect(errors).toEqual([]))
  await submitAdminLogin(page, server())
  await page.getByRole('heading', { level: 1, name: 'Sites' }).waitFor()
  await page.goto(server().at('/admin/sites/xtra/receipts'))
  const row = page.locator(`tr[data-receipt="${ack.id}"]`)
  await row.waitFor()

  const search = page.getByRole('form', { name: 'Search' })
  await search.getByLabel('From').fill(localDay)
  await search.getByLabel('To').fill(localDay)
  await search.getByRole('button', { name: 'Search' }).click()
  // The receipt is on the local day picked, and the list says so with the zone.
  await expect.poll(() => page.locator('tr[data-receipt]').count()).toBe(1)
  const time = (await row.locator('th').textContent()) ?? ''
  const [year, month, day] = localDay.split('-').map(Number)
  const shownDay = new Date(Date.UTC(year!, month! - 1, day!)).toLocaleDateString('en-GB', {
    timeZone: 'UTC',
    dateStyle: 'medium',
  })
  expect(time).toContain(shownDay)
  expect(time).toContain(plus14 ? 'GMT+14' : 'GMT-11')
})

test('the insights say their days are UTC days, which the admin’s clock does not use', async () => {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Tokyo' })
  const page = await context.newPage()
  const errors = collectPageErrors(page, { ignore: [SESSION_401] })
  onTestFinished(() => expect(errors).toEqual([]))
  await submitAdminLogin(page, server())
  await page.getByRole('heading', { level: 1, name: 'Sites' }).waitFor()
  await page.goto(server().at('/admin/sites/xtra/insights'))
  await page.getByRole('heading', { name: 'Choices per day' }).waitFor()
  await page.getByText('Last 30 days, counted by calendar day in UTC (not in your time zone)').waitFor()
})
