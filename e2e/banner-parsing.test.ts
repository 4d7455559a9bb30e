// The banner on a page still parsing, in real Chromium: a blocking script in <head> holds the parser until
// the UI chunk is in, one in <body> holds DOMContentLoaded back. The banner shows as soon as <body> exists,
// and moves to the end of <body> once parsing is done, focus kept (A11Y-03).
import type { Route } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  bannerButton,
  collectPageErrors,
  startTestServer,
  useBrowser,
  waitForBanner,
} from './support/index.ts'

const browser = useBrowser()

const PAGE = `<!doctype html><html lang="en"><head><script src="/s/xtra/gate.js"></script>
<meta charset="utf-8"><title>Still parsing</title><script src="/slow-head.js"></script></head>
<body><a href="#main">Skip to content</a><script src="/slow-body.js"></script>
<main id="main"><h1>A page still parsing</h1><p>Its end comes after a slow script.</p></main></body></html>`

/** A route answered only when `release()` is called: a script that takes as long as the test wants. */
function held() {
  let release = () => {}
  const answered = new Promise<void>((resolve) => {
    release = resolve
  })
  return {
    release,
    handle: async (route: Route) => {
      await answered
      await route.fulfill({ contentType: 'text/javascript', body: '' })
    },
  }
}

test('the banner shows before DOMContentLoaded, then moves to the end of <body> with focus kept', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const context = await browser.newContext()
  const head = held()
  const body = held()
  await context.route(server.at('/slow-page.html'), (route) =>
    route.fulfill({ contentType: 'text/html', body: PAGE })
  )
  await context.route(server.at('/slow-head.js'), head.handle)
  await context.route(server.at('/slow-body.js'), body.handle)
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  // The parser waits in <head> until the UI chunk and config.json are in: no <body> when the UI runs.
  const ui = page.waitForResponse((r) => r.url().includes('/assets/ui-'))
  const config = page.waitForResponse((r) => r.url().endsWith('/config.json'))
  const loading = page.goto(server.at('/slow-page.html'))
  loading.catch(() => {}) // awaited below: a test failing before then must not leave it unhandled
  await Promise.all([(await ui).finished(), (await config).finished()])
  head.release()

  await waitForBanner(page)
  expect(await page.evaluate(() => document.readyState)).toBe('loading')
  // The first Tab reaches the banner (A11Y-03), while the page is still parsing.
  await page.keyboard.press('Tab')
  const accept = bannerButton(page, 'accept-all')
  const active = () =>
    page.evaluate(() => document.querySelector('torii-consent')?.shadowRoot?.activeElement?.textContent)
  const before = await active()
  expect(before).toBeTruthy()

  body.release()
  await loading
  expect(await page.evaluate(() => document.body.lastElementChild?.localName)).toBe('torii-consent')
  expect(await active()).toBe(before)
  await accept.click()
  await page.waitForFunction(() => document.cookie.includes('torii='))
  expect(errors).toEqual([])
})
