// A server others can reach (a public URL) gives its first admin a one-time password: in real Chromium, the
// admin shows only the password form after signing in with it, and the sites once it is changed.
import { expect, onTestFinished, test } from 'vitest'
import {
  collectPageErrors,
  SESSION_401,
  startTestServer,
  submitAdminLogin,
  useBrowser,
} from './support/index.ts'

const browser = useBrowser()

test('signed in with the one-time password, the admin asks for a new one before anything else', async () => {
  const server = await startTestServer({ publicUrl: 'http://consent.example.com' })
  onTestFinished(() => server.close())
  const oneTime = server.oneTimeLogin!.password
  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage()
  const errors = collectPageErrors(page, { ignore: [SESSION_401] })

  await submitAdminLogin(page, server, oneTime)
  await page.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor()
  expect(await page.getByRole('heading', { level: 1, name: 'Sites' }).count()).toBe(0)
  await page.getByLabel('Current password', { exact: true }).fill(oneTime)
  await page.getByLabel('New password', { exact: true }).fill('a password of my own')
  await page.getByLabel('New password again', { exact: true }).fill('a password of my own')
  await page.getByRole('button', { name: 'Change password' }).click()

  await page.getByRole('heading', { level: 1, name: 'Sites' }).waitFor()
  expect(errors).toEqual([])
})
