// The site Settings page in real Chromium against the real server: a script URL as the privacy policy link
// is refused at its field, and the site options are edited, checked per field, saved and published.

import { GATE, type SiteConfig } from '@torii/schema'
import type { Page } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  adminSession,
  inlinedGateConfig,
  loggedInAdminPage,
  runAxe,
  startTestServer,
  type TestServer,
  useBrowser,
} from './support/index.ts'

const browser = useBrowser()

async function settingsPage(server: TestServer): Promise<Page> {
  const page = await loggedInAdminPage(browser, server)
  await page.goto(server.at('/admin/sites/xtra/settings'))
  await page.getByRole('heading', { name: 'Consent options' }).waitFor()
  return page
}

async function serverDraft(server: TestServer): Promise<SiteConfig> {
  const admin = await adminSession(server)
  return ((await (await admin('/sites/xtra/draft')).json()) as { draft: SiteConfig }).draft
}

/** The text of the error tied to a field by aria-describedby. */
async function fieldError(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true })
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true')
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ')
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()))
  return texts.join(' ')
}

test('a javascript: privacy policy URL is refused at its field and never saved', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const page = await settingsPage(server)
  await page.getByLabel('Privacy policy URL (en)', { exact: true }).fill('javascript:alert(document.cookie)')
  await page.getByRole('button', { name: 'Save draft' }).click()
  expect(await fieldError(page, 'Privacy policy URL (en)')).toContain(
    'must be an http(s) URL or a path starting with /'
  )
  const problems = page.getByRole('alert')
  await expect.poll(() => problems.textContent()).toContain('Privacy policy URL (en)')
  expect((await serverDraft(server)).privacyPolicyUrl.en).toBe('/demo/en/privacy.html')
  // A real URL clears it and saves.
  await page
    .getByLabel('Privacy policy URL (en)', { exact: true })
    .fill('https://www.xtra.example/en/privacy')
  await page.getByRole('button', { name: 'Save draft' }).click()
  await page.getByRole('status').filter({ hasText: 'Draft saved.' }).waitFor()
  expect((await serverDraft(server)).privacyPolicyUrl.en).toBe('https://www.xtra.example/en/privacy')
})

test('the site options are edited with labels, checked per field, saved in the draft and published', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const page = await settingsPage(server)
  await page.getByLabel('Consent lasts (days)').fill('9999')
  await page.getByLabel('Cookie domain (optional)').fill('https://example.com')
  await page.getByRole('button', { name: 'Save draft' }).click()
  expect(await fieldError(page, 'Consent lasts (days)')).toContain('at most 395')
  expect(await fieldError(page, 'Cookie domain (optional)')).toContain('must be a domain such as example.com')
  expect(await runAxe(page)).toEqual([])
  expect((await serverDraft(server)).options.consentDays).toBe(395)

  await page.getByLabel('Consent lasts (days)').fill('200')
  await page.getByLabel('Cookie domain (optional)').fill('example.com')
  await page.getByLabel('Google Consent Mode').selectOption('advanced')
  await page.getByLabel(/url_passthrough/).check()
  await page.getByRole('button', { name: 'Save draft' }).click()
  await page.getByRole('status').filter({ hasText: 'Draft saved.' }).waitFor()
  expect((await serverDraft(server)).options).toMatchObject({
    consentDays: 200,
    cookieDomain: 'example.com',
    consentMode: 'advanced',
    urlPassthrough: true,
  })

  await page.getByRole('link', { name: 'Publish', exact: true }).click()
  await page.getByRole('button', { name: 'Publish the draft' }).click()
  await page.getByText('Published revision 2.').waitFor()
  const gate = inlinedGateConfig(await (await fetch(server.at('/s/xtra/gate.js'))).text())
  expect(gate[GATE.consentDays]).toBe(200)
  expect(gate[GATE.cookieDomain]).toBe('example.com')
  expect(gate[GATE.urlPassthrough]).toBe(true)
})
