// Nothing lost silently (#18), in real Chromium against the real server: a site's page on an origin the site
// does not allow (www.xtra.test, where only 127.0.0.1 and localhost are), with the snippet from the consent
// server's own origin (127.0.0.1), has its receipt refused; the banner
// says so once in the console and keeps the receipt queued; the admin shows the refused origin, one click
// allows it, and the next page view sends the receipt. And a site not published yet: its snippet is
// JavaScript that says so in the console, and the admin marks it.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  adminSession,
  bannerButton,
  collectPageErrors,
  loggedInAdminPage,
  readChoice,
  recordGoogleRequests,
  startTestServer,
  TEST_DOMAIN,
  TEST_DOMAIN_ARGS,
  useBrowser,
  waitForBanner,
} from './support/index.ts'

const browser = useBrowser(TEST_DOMAIN_ARGS)

/** A key of the banner's IndexedDB store (`torii` / `kv`), without creating the database if absent. */
const stored = <T>(page: Page, key: string) =>
  page.evaluate(
    (name) =>
      new Promise<unknown>((resolve) => {
        const open = indexedDB.open('torii')
        open.onupgradeneeded = () => open.transaction!.abort()
        open.onerror = () => resolve(undefined)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('kv')) {
            db.close()
            return resolve(undefined)
          }
          const get = db.transaction('kv').objectStore('kv').get(name)
          get.onsuccess = () => resolve(get.result)
          get.transaction!.oncomplete = () => db.close()
        }
      }),
    key
  ) as Promise<T | undefined>

interface QueuedReceipt {
  input: { consentId: string }
  tries: number
}

test('a refused origin: one console error naming it and the fix, the receipt queued, sent once allowed in the admin', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  // The site's own server (a real one: Chromium keeps a page it did not load from a private address from
  // loading the gate from loopback), with the snippet from the consent server's origin: every receipt POST
  // is cross-origin, so the banner reads the refusal only through the CORS headers on the error.
  const site = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(
      `<!doctype html><html lang="en"><head><title>Shop</title><script src="${server.at('/s/xtra/gate.js')}"></script></head><body><h1>Shop</h1></body></html>`
    )
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => site.close(() => resolve())))
  const www = `http://www.${TEST_DOMAIN}:${(site.address() as AddressInfo).port}`

  const context = await browser.newContext()
  await recordGoogleRequests(context)
  const page = await context.newPage()
  const errors = collectPageErrors(page, {
    // Chromium's own line for the refused POST's status. Every other error counts.
    ignore: [/Failed to load resource.*403/],
  })
  await page.goto(`${www}/`)
  await waitForBanner(page)
  const posted = page.waitForRequest((r) => r.method() === 'POST' && /\/receipts$/.test(r.url()))
  await bannerButton(page, 'accept-all').click()
  await posted

  // The choice applies as before; the receipt waits in the outbox, and the console says why, once.
  const { consentId } = (await readChoice(page)) as { consentId: string }
  await expect.poll(async () => (await stored<QueuedReceipt[]>(page, 'outbox'))?.length).toBe(1)
  const [queued] = (await stored<QueuedReceipt[]>(page, 'outbox'))!
  expect(queued!.input.consentId).toBe(consentId)
  await expect.poll(() => errors.length).toBe(1)
  expect(errors[0]).toMatch(/^console\.error: \[torii\] .*origin_not_allowed/)
  expect(errors[0]).toContain(`Origin ${www} may not send receipts`)
  expect(errors[0]).toContain('allowed origins in the Torii admin')
  expect(await server.ledger.list('xtra', { limit: 10 })).toMatchObject({ receipts: [] })

  // The admin shows the refused origin; one click allows it.
  const admin = await loggedInAdminPage(browser, server)
  await admin.goto(server.at('/admin/sites/xtra/settings'))
  const rejections = admin.getByRole('region', { name: 'Recent rejected origins' })
  const row = rejections.getByRole('row', { name: new RegExp(www.replace(/[.:/]/g, '\\$&')) })
  await row.getByText('Origin not allowed').waitFor()
  await row.getByRole('button', { name: 'Allow this origin' }).click()
  await admin
    .getByRole('status')
    .filter({ hasText: `${www} is now allowed to send receipts.` })
    .waitFor()
  await row.getByText('Allowed', { exact: true }).waitFor()
  expect(await admin.getByLabel('Allowed origins').inputValue()).toContain(www)

  // The next page view sends the queued receipt: the ledger has it, the outbox is empty.
  await page.reload()
  await expect
    .poll(async () => (await server.ledger.list('xtra', { limit: 10 })).receipts.map((r) => r.consentId))
    .toEqual([consentId])
  await expect.poll(async () => (await stored<QueuedReceipt[]>(page, 'outbox'))?.length).toBe(0)
  expect(errors).toHaveLength(1)
})

test('a site not published yet: its snippet is JavaScript that says so, and Settings marks it', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const api = await adminSession(server)
  const created = await api('/sites', {
    method: 'POST',
    body: { id: 'new-shop', name: 'New shop', origins: [server.url], languages: ['en'] },
  })
  expect(created.status).toBe(201)

  const context = await browser.newContext()
  const page = await context.newPage()
  // The blank page it starts from has no favicon; that is Chromium's line, not the gate's.
  const errors = collectPageErrors(page, { ignore: [/favicon\.ico/] })
  const warnings: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text())
  })
  await page.goto(server.at('/healthz'))
  await page.setContent(`<script src="${server.at('/s/new-shop/gate.js')}"></script><p>shop</p>`)
  await expect
    .poll(() => warnings.filter((w) => w.startsWith('[torii]')))
    .toEqual([
      '[torii] site "new-shop" is not published yet: no banner shows and every tag marked for consent stays held until it is. Publish it in the Torii admin.',
    ])
  expect(errors).toEqual([])

  const admin = await loggedInAdminPage(browser, server)
  await admin.goto(server.at('/admin/sites/new-shop/settings'))
  const snippet = admin.getByRole('region', { name: /Install snippet/ })
  await snippet.getByText('Not published yet', { exact: true }).waitFor()
  expect(await snippet.textContent()).toContain('Until the first publish this snippet shows no banner')
  // The demo site, published, has no such mark.
  await admin.goto(server.at('/admin/sites/xtra/settings'))
  await admin.getByRole('region', { name: 'Install snippet' }).waitFor()
  expect(await admin.getByText('Not published yet', { exact: true }).count()).toBe(0)
})
