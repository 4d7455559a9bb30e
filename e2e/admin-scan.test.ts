// The admin's Scan page end to end (issue #17): the server scans the fixture site in its own Chromium,
// the page shows the progress, then the findings, and adds the undeclared vendor to the draft in one click.
import type { SiteConfig } from '@torii/schema'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  adminSession,
  formatViolations,
  loggedInAdminPage,
  runAxe,
  type ScanSite,
  SHOP_HOST,
  startScanSite,
  startTestServer,
  type TestServer,
  updateDemoSite,
  useBrowser,
} from './support/index.ts'

const browser = useBrowser()
let site: ScanSite
let server: TestServer

beforeAll(async () => {
  site = await startScanSite(() => server.at('/s/xtra/gate.js'))
  server = await startTestServer({ scanBrowser: { args: site.chromiumArgs } })
  await updateDemoSite(server, (current) => ({ origins: [...current.origins, `http://${SHOP_HOST}`] }))
})
afterAll(async () => {
  await server?.close()
  await site?.close()
})

it('scans the site from the admin, with progress, history and the undeclared vendor added in one click', async () => {
  const page = await loggedInAdminPage(browser, server)
  await page.goto(server.at('/admin/sites/xtra/scan'))
  await page.getByRole('heading', { level: 1, name: 'Scan' }).waitFor()
  await page.getByText('No scans yet.').waitFor()
  await page.getByLabel('Start page URL').fill(`http://${SHOP_HOST}/`)
  await page.getByLabel('Pages at most').fill('2')
  await page.getByRole('button', { name: 'Start scan' }).click()

  // The progress bar, then the first page done while the second is visited.
  await page.getByRole('progressbar', { name: 'Scan progress' }).waitFor()
  await page.getByRole('status').filter({ hasText: '1 of 2 pages scanned' }).waitFor({ timeout: 60_000 })
  await page.getByRole('heading', { name: /^Results of the scan of / }).waitFor({ timeout: 60_000 })

  const violations = await runAxe(page)
  expect(violations, formatViolations(violations)).toEqual([])

  const undeclared = page.locator('[data-vendor="meta-pixel"]')
  await undeclared.getByText('Meta Pixel', { exact: true }).waitFor()
  await page.getByRole('heading', { name: 'Declared vendors never seen: 1' }).waitFor()
  expect(await page.getByRole('heading', { name: /^Violations: \d+$/ }).textContent()).not.toBe(
    'Violations: 0'
  )
  const history = page.getByRole('table', { name: 'Scans of this site' })
  await history
    .getByRole('row')
    .filter({ hasText: 'done' })
    .getByText(/^2 pages, \d+ violations, 1 undeclared, 1 unseen$/)
    .waitFor()

  await undeclared.getByRole('button', { name: 'Add Meta Pixel to the draft' }).click()
  await page.getByRole('status').filter({ hasText: 'Meta Pixel was added to the draft and saved.' }).waitFor()
  await undeclared.getByText('in the draft').waitFor()
  const admin = await adminSession(server)
  const { draft } = (await (await admin('/sites/xtra/draft')).json()) as { draft: SiteConfig }
  expect(draft.vendors.find((vendor) => vendor.key === 'meta-pixel')).toMatchObject({
    purposes: ['advertising'],
    hosts: expect.arrayContaining(['connect.facebook.net']),
  })
})
