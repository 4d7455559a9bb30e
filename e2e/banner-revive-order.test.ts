// Allowed tags are revived in document order, external ones one after another (DESIGN.md: gtag's loader
// before its config), in real Chromium. A decision revives every tag it allows at once (the parser, while
// it runs, already waits for each revived script it reached): the second external script is not inserted
// while the first is still loading, and the inline one after them waits for both.
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

/** Three analytics tags, on the page's own host (held declaratively, not by a vendor's hosts). */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Revive order</title>
<script src="/s/xtra/gate.js"></script>
<script type="text/plain" data-purpose="analytics" src="/first.js" id="first"></script>
<script type="text/plain" data-purpose="analytics" src="/second.js" id="second"></script>
<script type="text/plain" data-purpose="analytics" id="inline">(window.order ||= []).push('inline')</script>
</head><body><main><h1>Revive order</h1></main></body></html>`

/** A script that records that it ran. */
const recording = (name: string) => `(window.order ||= []).push(${JSON.stringify(name)})`

/** The first script, answered only once `release()` is called: as slow to load as the test wants. */
function heldFirst() {
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  return {
    release,
    handle: async (route: Route) => {
      await released
      await route.fulfill({ contentType: 'text/javascript', body: recording('first') })
    },
  }
}

const order = () => (window as unknown as { order?: string[] }).order

test('the second external script is revived only once the first has loaded, the inline one after both', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const context = await browser.newContext()
  const first = heldFirst()
  onTestFinished(() => first.release()) // a failing test must not leave the route waiting
  const requested: string[] = []
  context.on('request', (r) => requested.push(new URL(r.url()).pathname))
  await context.route(server.at('/revive-order.html'), (route) =>
    route.fulfill({ contentType: 'text/html', body: PAGE })
  )
  await context.route(server.at('/first.js'), first.handle)
  await context.route(server.at('/second.js'), (route) =>
    route.fulfill({ contentType: 'text/javascript', body: recording('second') })
  )
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  await page.goto(server.at('/revive-order.html'))
  await waitForBanner(page)
  const types = () =>
    page.evaluate(() =>
      ['first', 'second', 'inline'].map((id) => document.getElementById(id)!.getAttribute('type'))
    )
  expect(await types()).toEqual(['text/plain', 'text/plain', 'text/plain'])
  await bannerButton(page, 'accept-all').click()
  // The decision revived the first (its type back): the second and the inline one are still held, in
  // their inert form, while the first is loading.
  await page.waitForFunction(() => !document.getElementById('first')!.hasAttribute('type'))
  expect(await types()).toEqual([null, 'text/plain', 'text/plain'])
  expect(requested).not.toContain('/second.js')
  expect(await page.evaluate(order)).toBeUndefined()

  first.release()
  await page.waitForFunction(() => (window as unknown as { order?: string[] }).order?.length === 3)
  expect(await page.evaluate(order)).toEqual(['first', 'second', 'inline'])
  expect(await types()).toEqual([null, null, null])
  expect(errors).toEqual([])
})
