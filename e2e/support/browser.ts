import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs'

// The binary and flags are shared with the banner's benchmarks (scripts/chromium.mjs).
export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs'

/**
 * Resolves `xtra.test` and its subdomains to 127.0.0.1 (no DNS, no hosts file): pages on several hosts of
 * one site, e.g. to share a cookie across subdomains, which 127.0.0.1 itself cannot.
 */
export const TEST_DOMAIN_ARGS = ['--host-resolver-rules=MAP xtra.test 127.0.0.1, MAP *.xtra.test 127.0.0.1']

/** Launches headless Chromium from `CHROMIUM_PATH` with `CHROMIUM_ARGS` (and `extraArgs`). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...extraArgs],
    })
  } catch (error) {
    throw new Error(
      `Could not launch Chromium at ${CHROMIUM_PATH} (install it with: apt-get install -y chromium): ${String(error)}`
    )
  }
}

/** Default context options: a desktop viewport, Japanese first like the demo's visitors, no service workers. */
export const CONTEXT_DEFAULTS: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
  locale: 'ja-JP',
  serviceWorkers: 'block',
}

export interface BrowserHandle {
  /** The file's browser (throws before `beforeAll` ran). */
  readonly browser: Browser
  /** A fresh context for this test, closed after it. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>
}

/** Registers hooks: one browser for the test file, a fresh context per `newContext()` call, closed after each test. */
export function useBrowser(extraArgs?: string[]): BrowserHandle {
  let browser: Browser | undefined
  const open: BrowserContext[] = []
  beforeAll(async () => {
    browser = await launchBrowser(extraArgs)
  })
  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => context.close().catch(() => {})))
  })
  afterAll(async () => {
    await browser?.close()
  })
  return {
    get browser() {
      if (!browser)
        throw new Error('useBrowser(): the browser is launched in beforeAll; use it inside a test')
      return browser
    },
    async newContext(options) {
      if (!browser)
        throw new Error('useBrowser(): the browser is launched in beforeAll; use it inside a test')
      const context = await browser.newContext({ ...CONTEXT_DEFAULTS, ...options })
      open.push(context)
      return context
    },
  }
}

/**
 * Makes `context`'s pages see Global Privacy Control on (`navigator.globalPrivacyControl`): Chromium has no
 * GPC setting of its own, so page script sees it as from a browser that sends it (no `Sec-GPC` header).
 */
export async function sendGpc(context: BrowserContext): Promise<void> {
  await context.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })
  )
}
