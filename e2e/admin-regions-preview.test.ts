// The Regions page's preview "as a visitor from …" in real Chromium against the real server (issue #15): for
// the demo's seeded rules, each place names the rule that applies and mounts the real banner as that visitor's
// first visit shows it: the notice (Japan), the opt-in banner (Germany), the privacy choices link (California).
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { formatViolations, loggedInAdminPage, runAxe, useBrowser, useTestServer } from './support/index.ts'

const server = useTestServer()
const browser = useBrowser()

async function regionsPage(): Promise<Page> {
  const page = await loggedInAdminPage(browser, server())
  await page.goto(server().at('/admin/sites/xtra/regions'))
  await page.getByRole('heading', { level: 2, name: 'Preview as a visitor from a region' }).waitFor()
  return page
}

/** Picks the visitor's place; `subdivision` only where Torii knows the country's subdivisions. */
async function visitFrom(page: Page, country: string, subdivision?: string) {
  await page.getByLabel('Visitor’s country').selectOption(country)
  if (subdivision) await page.getByLabel('Visitor’s subdivision').selectOption(subdivision)
}

const ruleStatus = (page: Page) => page.getByTestId('region-preview-rule')
const preview = (page: Page) => page.getByTestId('banner-preview')

test('the preview per region: the rule that applies, and the banner, notice or link its first visit shows', async () => {
  const page = await regionsPage()

  // Nowhere known: the default rule, the opt-in banner.
  await ruleStatus(page).getByText('No other rule matches: the default rule.').waitFor()
  await preview(page).locator('[data-torii-action="reject-all"]').first().waitFor()

  await visitFrom(page, 'DE')
  await ruleStatus(page).getByText('Rule that applies: eea-uk-ch (Opt-in: ask first)').waitFor()
  expect(await ruleStatus(page).getAttribute('data-rule-model')).toBe('opt-in')
  await expect.poll(() => preview(page).getAttribute('data-region-rule')).toBe('eea-uk-ch')
  await preview(page).locator('[data-torii-action="reject-all"]').first().waitFor()

  await visitFrom(page, 'JP')
  await ruleStatus(page).getByText('Rule that applies: japan (Notice: run, and tell the visitor)').waitFor()
  await expect.poll(() => preview(page).getAttribute('data-region-model')).toBe('notice')
  // The notice: a region with OK, no Reject all (it asks nothing).
  const notice = preview(page)
    .getByRole('region')
    .filter({ has: page.locator('[data-torii-action="close"]') })
  await notice.waitFor()
  expect(await preview(page).locator('[data-torii-action="reject-all"]').count()).toBe(0)
  const violations = await runAxe(page, '[data-testid="banner-preview"]')
  expect(violations, formatViolations(violations)).toEqual([])

  await visitFrom(page, 'US', 'US-CA')
  await ruleStatus(page)
    .getByText('Rule that applies: us-privacy (Opt-out: run, with a way to say no)')
    .waitFor()
  await expect.poll(() => preview(page).getAttribute('data-region-model')).toBe('opt-out')
  await preview(page).locator('#torii-fab').waitFor()
  expect(await preview(page).locator('[data-torii-action="reject-all"]').count()).toBe(0)

  // A US state without a privacy law in the group: the default rule again.
  await visitFrom(page, 'US', 'US-NY')
  await ruleStatus(page).getByText('No other rule matches: the default rule.').waitFor()
  await expect.poll(() => preview(page).getAttribute('data-region-model')).toBe('opt-in')
  await preview(page).locator('[data-torii-action="reject-all"]').first().waitFor()
}, 120_000)
