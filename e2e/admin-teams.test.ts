// Teams in real Chromium: a user who owns one site sees only that site, grants a member a role, creates an API
// token (shown once) that works on that site only, revokes it, and reads the site's audit log; an editor of the
// site sees no owner sections. axe finds nothing on the members, tokens and audit pages.
import type { Page } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  adminSession,
  collectPageErrors,
  formatViolations,
  runAxe,
  SESSION_401,
  startTestServer,
  type TestServer,
  useBrowser,
} from './support/index.ts'

const browser = useBrowser()
const OWNER = { email: 'hanako@example.com', password: 'hanako-password-1' }
const EDITOR = { email: 'taro@example.com', password: 'taro-password-12' }

async function expectNoAxeViolations(page: Page) {
  const violations = await runAxe(page)
  expect(violations, formatViolations(violations)).toEqual([])
}

async function signIn(server: TestServer, user: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' })
  const page = await context.newPage()
  const errors = collectPageErrors(page, { ignore: [SESSION_401] })
  onTestFinished(() => expect(errors).toEqual([]))
  await page.goto(server.at('/admin/'))
  await page.waitForURL(/\/admin\/login/)
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.getByRole('heading', { level: 1, name: 'Sites' }).waitFor()
  return page
}

test('an owner of one site manages its members, tokens and audit log, and sees no other site', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const admin = await adminSession(server)
  const site = { id: 'shop', name: 'Xtra Shop', origins: ['https://shop.example.co.jp'], languages: ['en'] }
  expect((await admin('/sites', { method: 'POST', body: site })).status).toBe(201)
  for (const user of [OWNER, EDITOR]) {
    expect((await admin('/users', { method: 'POST', body: { ...user, role: 'member' } })).status).toBe(201)
  }
  const grant = await admin(`/sites/shop/members/${encodeURIComponent(OWNER.email)}`, {
    method: 'PUT',
    body: { role: 'owner' },
  })
  expect(grant.status).toBe(200)

  const page = await signIn(server, OWNER)
  const sites = page.locator('.site-list li')
  await expect.poll(() => sites.allTextContents()).toEqual([expect.stringContaining('Xtra Shop')])
  await page.getByRole('link', { name: 'Xtra Shop' }).click()
  const nav = page.getByRole('navigation', { name: 'Site sections' })

  // Members: grant the editor role.
  await nav.getByRole('link', { name: 'Members' }).click()
  await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
  await page.getByLabel('Email', { exact: true }).fill(EDITOR.email)
  await page.getByLabel('Role', { exact: true }).selectOption('editor')
  await page.getByRole('button', { name: 'Add a member' }).click()
  await page.locator(`tr[data-member="${EDITOR.email}"]`).waitFor()
  expect(await page.getByLabel(`Role of ${EDITOR.email} on this site`).inputValue()).toBe('editor')
  await expectNoAxeViolations(page)

  // Tokens: the secret is shown once, works on this site only, and stops working when revoked.
  await nav.getByRole('link', { name: 'API tokens' }).click()
  await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor()
  await page.getByLabel('Name', { exact: true }).fill('deploy bot')
  await page.getByRole('button', { name: 'Create a token' }).click()
  const secret = (await page.locator('[data-token-secret] code').textContent()) ?? ''
  expect(secret).toMatch(/^torii_/)
  await expectNoAxeViolations(page)
  const withToken = (path: string) =>
    fetch(server.at(`/api/admin${path}`), { headers: { authorization: `Bearer ${secret}` } })
  expect((await withToken('/sites/shop/draft')).status).toBe(200)
  expect((await withToken('/sites/xtra/draft')).status).toBe(403)
  await page.getByRole('button', { name: 'Revoke the token deploy bot' }).click()
  await page.getByText('The token deploy bot was revoked.').waitFor()
  expect((await withToken('/sites/shop/draft')).status).toBe(401)

  // The audit log names each of those actions.
  await nav.getByRole('link', { name: 'Audit log' }).click()
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor()
  for (const action of ['token.revoke', 'token.create', 'member.set']) {
    await page.locator(`tr[data-action="${action}"]`).first().waitFor()
  }
  await expectNoAxeViolations(page)

  // The editor sees the site without the owner sections.
  const editorPage = await signIn(server, EDITOR)
  await editorPage.getByRole('link', { name: 'Xtra Shop' }).click()
  const editorNav = editorPage.getByRole('navigation', { name: 'Site sections' })
  await editorNav.getByRole('link', { name: 'Publish' }).waitFor()
  expect(await editorNav.getByRole('link', { name: 'Members' }).count()).toBe(0)
})
