// QA: a site owner creating their site pastes its address from the browser's address bar. The origin a
// browser will send must be what is stored, and a line that cannot be an origin is named in the error.

import type { Site } from '@torii/schema'
import { expect, test } from 'vitest'
import { adminSession, loggedInAdminPage, useBrowser, useTestServer } from './support/index.ts'

const server = useTestServer()
const browser = useBrowser()

test('an origin pasted with a trailing slash or capitals is stored as browsers send it; a bad line is named', async () => {
  const page = await loggedInAdminPage(browser, server())
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Create a site' }) })
  await form.getByLabel('Name').fill('Acme Shop')
  await form.getByLabel('Site id (optional)').fill('acme')
  await form.getByLabel('Allowed origins').fill('HTTPS://Shop.Example/\nhttps://shop.example/ja')
  await form.getByLabel('Languages').fill('en, ja')
  await form.getByRole('button', { name: 'Create a site' }).click()
  await form
    .getByText('https://shop.example/ja: must be an origin such as https://www.example.co.jp (no path)')
    .waitFor()

  await form.getByLabel('Allowed origins').fill('HTTPS://Shop.Example/\nhttp://127.0.0.1:8080/')
  await form.getByRole('button', { name: 'Create a site' }).click()
  await page.waitForURL(/\/admin\/sites\/acme/)
  const admin = await adminSession(server())
  const { site } = (await (await admin('/sites/acme')).json()) as { site: Site }
  expect(site.origins).toEqual(['https://shop.example', 'http://127.0.0.1:8080'])
})
