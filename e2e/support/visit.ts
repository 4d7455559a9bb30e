import type { BrowserContextOptions } from 'playwright-core'
import { expect, onTestFinished } from 'vitest'
import { waitForBanner } from './banner.ts'
import type { BrowserHandle } from './browser.ts'
import { recordGoogleRequests } from './google.ts'
import { collectPageErrors } from './page-errors.ts'
import { startTestServer, type TestServer } from './server.ts'

export interface VisitOptions {
  /** The server to visit; a fresh one (closed after the test) when absent. */
  server?: TestServer
  /** Options of the fresh browser context (viewport, locale, ...). */
  context?: BrowserContextOptions
}

/**
 * A first visit for tests of the banner: `path` in a fresh browser context whose Google requests are
 * answered by stubs, once the first-visit banner shows. The test fails if the page threw.
 */
export async function visitWithBanner(browser: BrowserHandle, path: string, options: VisitOptions = {}) {
  let server = options.server
  if (!server) {
    const started = await startTestServer()
    onTestFinished(() => started.close())
    server = started
  }
  const context = await browser.newContext(options.context)
  await recordGoogleRequests(context)
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  onTestFinished(() => expect(errors).toEqual([]))
  await page.goto(server.at(path))
  await waitForBanner(page)
  return { page, errors, server }
}
