import { expect, onTestFinished } from 'vitest'
import { sendGpc, useBrowser } from './browser.ts'
import type { Engine } from './engine.ts'
import { recordGoogleRequests } from './google.ts'
import { collectPageErrors } from './page-errors.ts'

/** Playwright's CSS pierces open shadow roots: the banner's elements are under its host. */
const inBanner = (selector: string) => `torii-consent ${selector}`

/** The scenarios' driver on Chromium (Playwright): one browser for the file, a fresh context per page. */
export function useChromiumEngine(): Engine {
  const browser = useBrowser()
  return {
    name: 'chromium',
    async open(options = {}) {
      const context = await browser.newContext()
      if (options.gpc) await sendGpc(context)
      const google = await recordGoogleRequests(context)
      const page = await context.newPage()
      const errors = collectPageErrors(page)
      onTestFinished(() => expect(errors).toEqual([]))
      return {
        google,
        errors,
        async serve(url, html) {
          await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }))
        },
        async goto(url) {
          await page.goto(url)
        },
        async reload() {
          await page.reload()
        },
        evaluate: (fn, arg) => page.evaluate(fn, arg as never),
        waitForFunction: (fn) => page.waitForFunction(fn),
        clickInBanner: (selector) => page.locator(inBanner(selector)).first().click(),
        waitInBanner: (selector, state) => page.locator(inBanner(selector)).first().waitFor({ state }),
        countInBanner: (selector) => page.locator(inBanner(selector)).count(),
        async switchState(name) {
          const control = page.getByRole('switch', { name })
          return { checked: await control.isChecked(), disabled: await control.isDisabled() }
        },
      }
    },
  }
}
