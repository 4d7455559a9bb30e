// QA: what every admin page shows at the top must render on a plain Debian (DejaVu/Liberation fonts only).

import { expect, test } from 'vitest'
import { loggedInAdminPage, useBrowser, useTestServer } from './support/index.ts'

const server = useTestServer()
const browser = useBrowser()

test('the header mark is drawn, not a ⛩ character that shows as an empty box without a symbol font', async () => {
  const page = await loggedInAdminPage(browser, server())
  const brand = page.locator('header a.brand')
  expect(await brand.textContent()).not.toContain('⛩')
  const box = await brand.locator('svg').boundingBox()
  expect(box?.width).toBeGreaterThan(10)
})
