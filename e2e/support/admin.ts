import type { Site, SiteConfig, SiteConfigInput, SiteInput } from '@torii/schema'
import type { Page } from 'playwright-core'
import { expect, onTestFinished } from 'vitest'
import type { BrowserHandle } from './browser.ts'
import { collectPageErrors } from './page-errors.ts'
import type { TestServer } from './server.ts'

/** The demo admin's password, as the server prints it at start in demo mode. */
export const DEMO_ADMIN_PASSWORD = 'torii-demo'

/**
 * Opens the admin app, which sends a fresh browser to its login page, and submits the demo admin's
 * email with `password` through the form (ja or en labels). Callers wait for what they expect next.
 */
export async function submitAdminLogin(page: Page, server: TestServer, password = DEMO_ADMIN_PASSWORD) {
  await page.goto(server.at('/admin/'))
  await page.waitForURL(/\/admin\/login/)
  await page.getByLabel(/^(Email|メールアドレス)$/).fill('admin@example.com')
  await page.getByLabel(/^(Password|パスワード)$/).fill(password)
  await page.getByRole('button', { name: /^(Log in|ログイン)$/ }).click()
}

/** Saves the draft from the admin's sticky bar (English UI) and waits until it says so. */
export async function saveDraft(page: Page) {
  await page.getByRole('button', { name: 'Save draft' }).click()
  await page.getByRole('status').filter({ hasText: 'Draft saved.' }).waitFor()
}

/** Publishes the saved draft from the admin's Publish page (English UI) and returns the new revision number. */
export async function publishDraft(page: Page, siteId: string): Promise<number> {
  await page.getByRole('link', { name: 'Publish', exact: true }).click()
  await page.waitForURL(`**/admin/sites/${siteId}/publish`)
  await page
    .getByRole('button', { name: 'Publish the draft' })
    .click({ timeout: 10_000 })
    .catch(async (error) => {
      // Say what the page shows instead (e.g. an API error) rather than only "timeout".
      const shown = await page.locator('main').textContent()
      throw new Error(`${error}\n${shown}`)
    })
  const done = page.getByText(/^Published revision (\d+)\.$/)
  await done.waitFor()
  return Number((await done.textContent())!.match(/\d+/)![0])
}

/** `fetch` on the admin API as the demo admin: session cookie, CSRF header and Origin set. */
/** Before logging in, the admin's session check answers 401, which the browser logs as a failed request. */
export const SESSION_401 = /status of 401 .*\/api\/admin\/session\)$/

/**
 * A fresh English admin page, logged in as the demo admin through the form, on the Sites page. The test
 * fails if the page threw (the 401 of the session check before login aside).
 */
export async function loggedInAdminPage(browser: BrowserHandle, server: TestServer): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' })
  const page = await context.newPage()
  const errors = collectPageErrors(page, { ignore: [SESSION_401] })
  onTestFinished(() => expect(errors).toEqual([]))
  await submitAdminLogin(page, server)
  await page.getByRole('heading', { level: 1, name: 'Sites' }).waitFor()
  return page
}

export type AdminFetch = (path: string, init?: { method?: string; body?: unknown }) => Promise<Response>

/** Logs in as the demo admin (`admin@example.com` / `torii-demo`) through the API, as the admin app does. */
export async function adminSession(server: TestServer): Promise<AdminFetch> {
  const login = await fetch(server.at('/api/admin/session'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: DEMO_ADMIN_PASSWORD }),
  })
  expect(login.status).toBe(200)
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const headers = {
    'content-type': 'application/json',
    cookie: login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    'x-torii-csrf': csrfToken,
    origin: server.url,
  }
  return (path, init = {}) =>
    fetch(server.at(`/api/admin${path}`), {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
}

/** Changes the demo site's settings (name, origins, languages) through the admin API. */
export async function updateDemoSite(server: TestServer, change: (site: Site) => Partial<SiteInput>) {
  const admin = await adminSession(server)
  const { site } = (await (await admin('/sites/xtra')).json()) as { site: Site }
  const res = await admin('/sites/xtra', { method: 'PATCH', body: change(site) })
  expect(res.status, await res.clone().text()).toBe(200)
}

/** Publishes a new revision of the demo site: the draft changed by `change`, saved, then published. */
export async function publishDemo(server: TestServer, change: (config: SiteConfig) => SiteConfigInput) {
  const admin = await adminSession(server)
  const { draft } = (await (await admin('/sites/xtra/draft')).json()) as { draft: SiteConfig }
  const put = await admin('/sites/xtra/draft', { method: 'PUT', body: change(structuredClone(draft)) })
  expect(put.status, await put.clone().text()).toBe(200)
  const published = await admin('/sites/xtra/publish', { method: 'POST', body: {} })
  expect(published.status, await published.clone().text()).toBe(201)
}
