// The banner on a page still parsing, in real Chromium: a blocking script in <head> holds the parser until
// the UI chunk is in, one in <body> holds DOMContentLoaded back. The banner shows as soon as <body> exists,
// and moves to the end of <body> once parsing is done, focus kept (A11Y-03).
import type { Page, Route } from 'playwright-core'
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

/** A route answered with `body` only when `release()` is called: a script that takes as long as the test wants. */
function held(body = '') {
  let release = () => {}
  const answered = new Promise<void>((resolve) => {
    release = resolve
  })
  return {
    release,
    handle: async (route: Route) => {
      await answered
      await route.fulfill({ contentType: 'text/javascript', body })
    },
  }
}

/**
 * Opens the still-parsing page: its <head> script is released once the UI chunk and config.json are in (no
 * <body> when the UI runs), so the banner shows while the <body> script (`bodyScript`) holds the rest back.
 * `finish()` releases it and waits for the page's load.
 */
async function openParsingPage(bodyScript = '') {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const context = await browser.newContext()
  const head = held()
  const body = held(bodyScript)
  await context.route(server.at('/slow-page.html'), (route) =>
    route.fulfill({ contentType: 'text/html', body: PAGE })
  )
  await context.route(server.at('/slow-head.js'), head.handle)
  await context.route(server.at('/slow-body.js'), body.handle)
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  const ui = page.waitForResponse((r) => r.url().includes('/assets/ui-'))
  const config = page.waitForResponse((r) => r.url().endsWith('/config.json'))
  const loading = page.goto(server.at('/slow-page.html'))
  loading.catch(() => {}) // awaited in finish(): a test failing before then must not leave it unhandled
  await Promise.all([(await ui).finished(), (await config).finished()])
  head.release()
  await waitForBanner(page)
  expect(await page.evaluate(() => document.readyState)).toBe('loading')
  const finish = async () => {
    body.release()
    await loading
  }
  return { page, errors, finish }
}

/** The text of what has focus inside the banner's shadow root. */
const focused = (page: Page) =>
  page.evaluate(() => document.querySelector('torii-consent')?.shadowRoot?.activeElement?.textContent)

test('the banner shows before DOMContentLoaded, then moves to the end of <body> with focus kept', async () => {
  const { page, errors, finish } = await openParsingPage()
  // The first Tab reaches the banner (A11Y-03), while the page is still parsing.
  await page.keyboard.press('Tab')
  const before = await focused(page)
  expect(before).toBeTruthy()

  await finish()
  expect(await page.evaluate(() => document.body.lastElementChild?.localName)).toBe('torii-consent')
  expect(await focused(page)).toBe(before)
  await bannerButton(page, 'accept-all').click()
  await page.waitForFunction(() => document.cookie.includes('torii='))
  expect(errors).toEqual([])
})

test('a page script that renders <body> anew while the page parses: the banner is back once parsing is done', async () => {
  // Shown while parsing, then gone with the old content: before the banner showed at DOMContentLoaded, so a
  // page that rendered its <body> from script still had one.
  const { page, errors, finish } = await openParsingPage(
    'document.body.innerHTML = \'<main id="main"><h1>Rendered by script</h1></main>\''
  )
  await finish()
  expect(await page.evaluate(() => document.body.lastElementChild?.localName)).toBe('torii-consent')
  await waitForBanner(page)
  await bannerButton(page, 'reject-all').click()
  await page.waitForFunction(() => document.cookie.includes('torii='))
  expect(errors).toEqual([])
})

test('the preferences open when parsing is done: still open, focus and scroll kept, Tab and Escape still theirs', async () => {
  const { page, errors, finish } = await openParsingPage()
  await page.setViewportSize({ width: 800, height: 400 }) // the dialog scrolls
  await bannerButton(page, 'customize').click()
  const dialog = page.locator('torii-consent [role="dialog"]')
  await dialog.waitFor({ state: 'visible' })
  await page.keyboard.press('Tab')
  const before = await focused(page)
  expect(before).toBeTruthy()
  // The visitor has read down the dialog.
  const scrollTop = () => dialog.evaluate((el) => el.scrollTop)
  await dialog.evaluate((el) => {
    el.scrollTop = 120
  })
  expect(await scrollTop()).toBe(120)

  await finish()
  expect(await page.evaluate(() => document.body.lastElementChild?.localName)).toBe('torii-consent')
  expect(await dialog.isVisible()).toBe(true)
  expect(await focused(page)).toBe(before)
  expect(await scrollTop()).toBe(120)
  // The dialog's trap still holds focus: a Shift+Tab round from its first control ends inside it.
  for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+Tab')
  expect(await page.evaluate(() => document.activeElement?.localName)).toBe('torii-consent')
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
  await waitForBanner(page)
  expect(errors).toEqual([])
})
