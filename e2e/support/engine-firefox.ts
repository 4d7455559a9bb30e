import type { Browser, BrowserContext, HTTPRequest } from 'puppeteer-core'
import { afterAll, afterEach, beforeAll, expect, onTestFinished } from 'vitest'
import type { Engine } from './engine.ts'
import { launchFirefox } from './firefox.ts'
import { createGoogleRouter } from './google.ts'

/** Puppeteer's deep combinator: the banner's elements inside the open shadow root of its host. */
const inBanner = (selector: string) => `torii-consent >>> ${selector}`

/** Runs in the page: the banner's switch whose accessible name (aria-label or -labelledby) has `name`. */
function findSwitch(name: string) {
  const root = document.querySelector('torii-consent')?.shadowRoot
  if (!root) return null
  const label = (el: Element) =>
    el.getAttribute('aria-label') ??
    (el.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .map((id) => root.getElementById(id)?.textContent ?? '')
      .join(' ')
  const control = [...root.querySelectorAll<HTMLInputElement>('[role="switch"]')].find((el) =>
    label(el).includes(name)
  )
  return control ? { checked: control.checked, disabled: control.disabled } : null
}

/**
 * The scenarios' driver on Firefox ESR (puppeteer-core over WebDriver BiDi): one browser for the file (a
 * second one, launched when first needed, for GPC, a browser-wide preference), a fresh context per page.
 * Requests are intercepted and answered as on Chromium (`createGoogleRouter`).
 */
export function useFirefoxEngine(): Engine {
  const browsers = new Map<boolean, Promise<Browser>>()
  const contexts: BrowserContext[] = []
  const browserFor = (gpc: boolean) => {
    let browser = browsers.get(gpc)
    if (!browser) {
      browser = launchFirefox({ gpc })
      browsers.set(gpc, browser)
    }
    return browser
  }
  beforeAll(async () => {
    await browserFor(false)
  })
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => {})))
  })
  afterAll(async () => {
    await Promise.all([...browsers.values()].map(async (browser) => (await browser).close()))
  })
  return {
    name: 'firefox',
    async open(options = {}) {
      const browser = await browserFor(Boolean(options.gpc))
      const context = await browser.createBrowserContext()
      contexts.push(context)
      const page = await context.newPage()
      const router = createGoogleRouter()
      const served = new Map<string, string>()
      await page.setRequestInterception(true)
      // BiDi tells navigations apart but not resource types: a frame gets the HTML stub, the rest by URL.
      const route = (request: HTTPRequest) => {
        const html = served.get(request.url())
        if (html !== undefined) return request.respond({ status: 200, contentType: 'text/html', body: html })
        const answer = router.answer({
          url: request.url(),
          method: request.method(),
          resourceType: request.isNavigationRequest() ? 'document' : 'other',
        })
        if (answer.kind === 'continue') return request.continue()
        if (answer.kind === 'abort') return request.abort('blockedbyclient')
        return request.respond({ status: answer.status, headers: answer.headers, body: answer.body })
      }
      // A request still in flight when the test closes the context cannot be answered any more.
      page.on('request', (request) => void route(request).catch(() => {}))
      const errors: string[] = []
      page.on('pageerror', (error: unknown) =>
        errors.push(`pageerror: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      )
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`)
      })
      onTestFinished(() => expect(errors).toEqual([]))
      return {
        google: router.recorder(() => page.setRequestInterception(false)),
        errors,
        async serve(url, html) {
          served.set(url, html)
        },
        async goto(url) {
          await page.goto(url)
        },
        async reload() {
          await page.reload()
        },
        evaluate: (fn, arg) => page.evaluate(fn, arg as never),
        waitForFunction: (fn) => page.waitForFunction(fn),
        clickInBanner: (selector) => page.locator(inBanner(selector)).click(),
        async waitInBanner(selector, state) {
          await page.waitForSelector(
            inBanner(selector),
            state === 'visible' ? { visible: true } : { hidden: true }
          )
        },
        countInBanner: async (selector) => (await page.$$(inBanner(selector))).length,
        async switchState(name) {
          const state = await page.waitForFunction(findSwitch, {}, name)
          return (await state.jsonValue()) as { checked: boolean; disabled: boolean }
        },
      }
    },
  }
}
