// The banner on hostile ground: a strict CSP, the server away, the gate loaded twice, bad cookies, queued calls.
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer } from '@torii/server'
import type { BrowserContext, Page } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  bannerButton,
  collectPageErrors,
  readChoice,
  recordGoogleRequests,
  startTestServer,
  useBrowser,
  visitWithBanner,
  waitForBanner,
  waitForFloatingButton,
} from './support/index.ts'

const browser = useBrowser()
const CSP_PAGE = readFileSync(new URL('./fixtures/banner-csp.html', import.meta.url), 'utf8')
const GA = /googletagmanager\.com\/gtag\/js/

/** Serves `html` at `url` in this context, with extra response headers. */
const serve = (context: BrowserContext, url: string, html: string, headers: Record<string, string> = {}) =>
  context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html, headers }))

test('a strict-CSP page works: nonce on revived tags, no inline styles, no violation, a throwing tag contained', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const context = await browser.newContext()
  const google = await recordGoogleRequests(context)
  const url = server.at('/fixtures/banner-csp.html')
  const nonce = 'r4nd0mN0nce'
  await serve(context, url, CSP_PAGE.replaceAll('NONCE', nonce), {
    'content-security-policy': `default-src 'self'; script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'self'; img-src 'self' https:; connect-src 'self' https:; frame-src https:; object-src 'none'; base-uri 'none'`,
  })
  const page = await context.newPage()
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text())
  })
  const warnings: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text())
  })
  const errors = collectPageErrors(page)
  await page.goto(url)
  await waitForBanner(page)
  await bannerButton(page, 'accept-all').click()
  await page.waitForFunction(() => (window as unknown as { configRan?: boolean }).configRan)
  expect(google.count(GA)).toBe(1)
  expect(await page.evaluate(() => (window as unknown as { changes?: number }).changes)).toBe(1)
  expect(
    await page.evaluate(() => (window as unknown as { unknownRan?: boolean }).unknownRan)
  ).toBeUndefined()
  // The preferences open from [data-torii-open] under the same CSP.
  await page.getByRole('link', { name: 'Cookie settings' }).click()
  await page.getByRole('dialog').waitFor()
  expect(violations).toEqual([])
  expect(errors).toEqual([])
  expect(warnings.filter((w) => w.startsWith('[torii]'))).toEqual([
    '[torii] unknown purpose "nonexistent"',
    '[torii] revived tag threw: Uncaught Error: a broken tag',
  ])
})

/** How many `consent default` commands the page's dataLayer holds. */
const consentDefaults = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { dataLayer: ArrayLike<unknown>[] }).dataLayer.filter(
        (e) => e[0] === 'consent' && e[1] === 'default'
      ).length
  )

test('server down: the choice still applies, and the receipt arrives once the server is back', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'torii-banner-'))
  onTestFinished(() => rm(dir, { recursive: true, force: true }))
  const dbUrl = `file:${join(dir, 'torii.db')}`
  const options = { host: '127.0.0.1', dbUrl, demo: true, quiet: true }
  const first = await startServer({ ...options, port: 0 })
  const at = (path: string) => new URL(path, first.url).href
  const context = await browser.newContext()
  const google = await recordGoogleRequests(context)
  const page = await context.newPage()
  // Chromium asks for the favicon after the load event, so the server may go down in the middle of it.
  const errors = collectPageErrors(page, { ignore: [/ERR_CONNECTION_REFUSED/, /favicon\.svg\)$/] })
  onTestFinished(() => expect(errors).toEqual([]))
  await page.goto(at('/demo/'))
  await waitForBanner(page)
  await first.close()

  await bannerButton(page, 'accept-all').click()
  await expect.poll(() => google.count(GA)).toBe(1)
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: true } })
  await page.waitForFunction(() => localStorage.getItem('torii:outbox') === '1')

  const second = await startServer({ ...options, port: Number(new URL(first.url).port) })
  onTestFinished(() => second.close())
  const stored = async () => (await second.ledger.list('xtra', { limit: 10 })).receipts
  expect(await stored()).toEqual([])
  await page.goto(at('/demo/recruit.html'))
  await expect.poll(async () => (await stored()).length).toBe(1)
  expect((await stored())[0]).toMatchObject({
    action: 'accept-all',
    purposes: { analytics: true, advertising: true },
  })
  await page.waitForFunction(() => localStorage.getItem('torii:outbox') === null)
  // Once only: later page views send nothing more.
  // The gate sends only what its outbox holds, read in its load listener, which also loads the floating
  // button; the outbox was emptied above, so once the button shows this view has sent all it will.
  await page.goto(at('/demo/privacy.html'))
  await waitForFloatingButton(page)
  expect(await page.evaluate(() => localStorage.getItem('torii:outbox'))).toBeNull()
  expect((await stored()).length).toBe(1)
})

test('the UI chunk unreachable at first: a later [data-torii-open] click and torii.show() fetch it again', async () => {
  // The gate keeps no promise of its own per chunk: a failed import() is the browser's to fetch again.
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const context = await browser.newContext()
  await recordGoogleRequests(context)
  const url = server.at('/fixtures/banner-retry.html')
  await serve(
    context,
    url,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Retry</title>
    <script src="/s/xtra/gate.js"></script></head>
    <body><main><h1>Retry</h1><a href="#" data-torii-open>Cookie settings</a></main></body></html>`
  )
  let away = true
  await context.route(/\/assets\/ui-/, (route) =>
    away ? route.abort('connectionrefused') : route.continue()
  )
  const page = await context.newPage()
  const errors = collectPageErrors(page, { ignore: ['ERR_CONNECTION_REFUSED'] }) // the refused import
  const warnings: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text())
  })
  await page.goto(url)
  await expect.poll(() => warnings.join()).toContain('Failed to fetch dynamically imported module')
  expect(await page.locator('torii-consent').count()).toBe(0)
  away = false
  await page.getByRole('link', { name: 'Cookie settings' }).click()
  await page.getByRole('dialog').waitFor()
  await waitForBanner(page)
  await page.keyboard.press('Escape')
  await page.getByRole('dialog').waitFor({ state: 'detached' })
  await page.evaluate(() => (window as unknown as { torii: { show(): void } }).torii.show())
  await page.getByRole('dialog').waitFor()
  expect(errors).toEqual([])
})

test('loaded twice, a foreign cookie, calls queued before the gate: all harmless', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const context = await browser.newContext()
  await recordGoogleRequests(context)
  await context.addCookies([{ name: 'torii', value: 'not-ours%7Cv9', url: server.url }])
  const url = server.at('/fixtures/banner-twice.html')
  await serve(
    context,
    url,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Twice</title>
    <script>window.torii = window.torii || []; window.torii.push((api) => (window.queued = typeof api.get))</script>
    <script src="/s/xtra/gate.js"></script><script src="/s/xtra/gate.js"></script></head>
    <body><main><h1>Twice</h1></main></body></html>`
  )
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  const warnings: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text())
  })
  await page.goto(url)
  await waitForBanner(page)
  expect(await page.evaluate(() => (window as unknown as { queued?: string }).queued)).toBe('function')
  expect(await page.locator('torii-consent').count()).toBe(1)
  expect(await page.locator('torii-consent section').count()).toBe(1)
  expect(await readChoice(page)).toBeNull()
  expect(warnings).toEqual(['[torii] ignored a malformed "torii" cookie'])
  // consent default pushed once, not twice
  expect(await consentDefaults(page)).toBe(1)
  await bannerButton(page, 'reject-all').click()
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: false } })
  expect(errors).toEqual([])
})

test('a queue stub with a ready promise of its own before the gate: the gate still takes over', async () => {
  // A page awaiting the API before the gate has run adds its own `ready` to the documented queue. Only a
  // gate's API (its undocumented `v`) means a gate already runs; gates of earlier builds check `v` too.
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const context = await browser.newContext()
  await recordGoogleRequests(context)
  const url = server.at('/fixtures/banner-stub.html')
  await serve(
    context,
    url,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stub</title>
    <script>window.torii = window.torii || []
    window.torii.ready = new Promise((resolve) => window.torii.push((api) => resolve(api.get())))
    window.torii.ready.then((choice) => (window.stubReady = String(choice)))</script>
    <script src="/s/xtra/gate.js"></script></head>
    <body><main><h1>Stub</h1></main></body></html>`
  )
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  await page.goto(url)
  await waitForBanner(page)
  await page.waitForFunction(() => (window as unknown as { stubReady?: string }).stubReady === 'null')
  expect(await consentDefaults(page)).toBe(1)
  await bannerButton(page, 'reject-all').click()
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: false } })
  expect(errors).toEqual([])
})

test('the JS API misused by page script: named in a warning, nothing decided or recorded, never thrown', async () => {
  const { page, server } = await visitWithBanner(browser, '/demo/')
  const warnings: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text())
  })
  await page.evaluate(() => {
    const api = (window as unknown as { torii: Record<string, (...args: unknown[]) => unknown> }).torii
    api.accept!()
    api.accept!(['nope'])
    api.reject!(42)
    api.push!(['nosuch', 1])
    api.push!(null)
  })
  await expect.poll(() => warnings.some((w) => w.includes('torii.push(null)'))).toBe(true)
  await expect.poll(() => warnings.some((w) => w.includes('unknown key 42'))).toBe(true)
  expect(warnings).toContain('[torii] torii.accept: unknown key "nope"')
  expect(warnings.some((w) => w.startsWith('[torii] torii.push(nosuch,1): '))).toBe(true)
  expect(
    warnings.some((w) => w.startsWith("[torii] torii.accept decided nothing: give 'all' or keys of"))
  ).toBe(true)
  expect(await readChoice(page)).toBeNull()
  expect(await page.locator('torii-consent section').isVisible()).toBe(true)

  // A known key among unknown ones is decided; the receipt list then shows that one decision alone.
  await page.evaluate(() =>
    (window as unknown as { torii: { accept(keys: unknown): void } }).torii.accept(['analytics', 'typo'])
  )
  const stored = async () => (await server.ledger.list('xtra', { limit: 10 })).receipts
  await expect.poll(async () => (await stored()).length).toBe(1)
  expect((await stored())[0]).toMatchObject({ action: 'custom', gpc: false, purposes: { analytics: true } })
  expect(warnings).toContain('[torii] torii.accept: unknown key "typo"')
})
