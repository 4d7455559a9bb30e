// Accounts in real Chromium, in Japanese: the demo admin changes its password, the old one stops working, then
// it adds a viewer and removes them (their session ends at once); axe finds nothing on the account and users pages.
import type { Page } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  collectPageErrors,
  DEMO_ADMIN_PASSWORD,
  formatViolations,
  runAxe,
  startTestServer,
  submitAdminLogin,
  type TestServer,
  useBrowser,
} from './support/index.ts'

const browser = useBrowser()

const OLD_PASSWORD = DEMO_ADMIN_PASSWORD
const NEW_PASSWORD = 'kawaru-pasuwado-2026'
const VIEWER = { email: 'yomu@example.com', password: 'viewer-password-1' }

async function expectNoAxeViolations(page: Page) {
  const violations = await runAxe(page)
  expect(violations, formatViolations(violations)).toEqual([])
}

/** Signs in through the API (as a second browser would) and returns the session cookie. */
async function apiLogin(server: TestServer, email: string, password: string): Promise<Response> {
  return fetch(server.at('/api/admin/session'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
}

test('the demo admin changes its password, then adds and removes a viewer', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const context = await browser.newContext({ locale: 'ja-JP' })
  const page = await context.newPage()
  // Expected failed requests: the session check before login, the refused old password, the wrong current one,
  // the refused demotion of the last admin.
  const errors = collectPageErrors(page, {
    ignore: [
      /status of 401 .*\/api\/admin\/session\)$/,
      /status of 400 .*\/api\/admin\/session\/password\)$/,
      /status of 409 .*\/api\/admin\/users\/admin%40example\.com\)$/,
    ],
  })

  // A second session of the admin (another browser): it must end when the password changes.
  const other = await apiLogin(server, 'admin@example.com', OLD_PASSWORD)
  const otherCookie = other.headers.get('set-cookie')!.split(';')[0]!
  const otherSession = () => fetch(server.at('/api/admin/session'), { headers: { cookie: otherCookie } })
  expect((await otherSession()).status).toBe(200)

  await submitAdminLogin(page, server, OLD_PASSWORD)
  await page.getByRole('heading', { level: 1, name: 'サイト' }).waitFor()
  await page.getByRole('link', { name: 'アカウント', exact: true }).click()
  await page.waitForURL('**/admin/account')
  await page.getByRole('heading', { level: 1, name: 'アカウント' }).waitFor()
  await expectNoAxeViolations(page)

  // A wrong current password is named on its field, which gets the focus.
  const current = page.getByLabel('現在のパスワード', { exact: true })
  await current.fill('machigai-pasuwado')
  await page.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD)
  await page.getByLabel('新しいパスワード（確認）', { exact: true }).fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'パスワードを変更' }).click()
  await page.getByText('現在のパスワードと一致しません').waitFor()
  await expect.poll(() => current.evaluate((input) => input === document.activeElement)).toBe(true)
  expect(await current.getAttribute('aria-invalid')).toBe('true')
  await expectNoAxeViolations(page)

  await current.fill(OLD_PASSWORD)
  await page.getByRole('button', { name: 'パスワードを変更' }).click()
  await page.getByRole('status').filter({ hasText: 'パスワードを変更しました。' }).waitFor()
  expect(await current.inputValue()).toBe('')
  expect((await otherSession()).status).toBe(401)

  // Log out: the old password is refused, the new one works.
  await page.getByRole('button', { name: 'ログアウト' }).click()
  await submitAdminLogin(page, server, OLD_PASSWORD)
  await page.getByRole('alert').filter({ hasText: 'ログインできませんでした' }).waitFor()
  expect(page.url()).toMatch(/\/admin\/login/)
  await page.getByLabel('パスワード', { exact: true }).fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'ログイン', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'サイト' }).waitFor()

  // Add a viewer on the users page.
  await page.getByRole('link', { name: 'ユーザー', exact: true }).click()
  await page.waitForURL('**/admin/users')
  await page.getByLabel('メールアドレス', { exact: true }).fill(VIEWER.email)
  await page.getByLabel('パスワード（10文字以上）').fill(VIEWER.password)
  await page.getByRole('button', { name: 'ユーザーを追加' }).click()
  await page.getByText(`${VIEWER.email} がログインできるようになりました。`).waitFor()
  const row = page.locator(`tr[data-user="${VIEWER.email}"]`)
  await row.waitFor()
  expect(await page.getByLabel(`${VIEWER.email} の権限`).inputValue()).toBe('viewer')
  await expectNoAxeViolations(page)

  // The only admin cannot be demoted: the refusal is shown, the role stays.
  await page.getByLabel('admin@example.com の権限').selectOption('viewer')
  await page.getByRole('alert').filter({ hasText: '管理者は最低1人必要です' }).waitFor()
  expect(await page.getByLabel('admin@example.com の権限').inputValue()).toBe('admin')

  // The viewer is signed in elsewhere; removing them ends that session at once.
  const viewerLogin = await apiLogin(server, VIEWER.email, VIEWER.password)
  expect(viewerLogin.status).toBe(200)
  const viewerCookie = viewerLogin.headers.get('set-cookie')!.split(';')[0]!
  await page.getByRole('button', { name: `${VIEWER.email} を削除` }).click()
  const dialog = page.getByRole('dialog', { name: `${VIEWER.email} を削除しますか？` })
  await dialog.waitFor()
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: '削除', exact: true }).click()
  await page
    .getByRole('status')
    .filter({ hasText: `${VIEWER.email} を削除しました。` })
    .waitFor()
  await row.waitFor({ state: 'detached' })
  const viewerSession = await fetch(server.at('/api/admin/session'), { headers: { cookie: viewerCookie } })
  expect(viewerSession.status).toBe(401)
  expect((await apiLogin(server, VIEWER.email, VIEWER.password)).status).toBe(401)
  await expectNoAxeViolations(page)

  expect(errors).toEqual([])
})
