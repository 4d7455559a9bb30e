import type { PackedGateConfig } from '@torii/schema'
import type { Locator, Page } from 'playwright-core'

/** The banner's buttons, by their `data-torii-action` (DESIGN.md, visitor contract). */
export type BannerAction = 'accept-all' | 'reject-all' | 'customize' | 'save' | 'close'

/** The banner's host element; its UI is in an open shadow root, which Playwright's CSS locators pierce. */
export function bannerHost(page: Page): Locator {
  return page.locator('torii-consent')
}

/** The banner's button for `action` (e.g. `bannerButton(page, 'reject-all').click()`). */
export function bannerButton(page: Page, action: BannerAction): Locator {
  return page.locator(`torii-consent [data-torii-action="${action}"]`).first()
}

/** Waits until the first-visit banner is shown (its Reject all button visible) and returns the host locator. */
export async function waitForBanner(page: Page, options: { timeout?: number } = {}): Promise<Locator> {
  await bannerButton(page, 'reject-all').waitFor({ state: 'visible', timeout: options.timeout ?? 10_000 })
  return bannerHost(page)
}

/** Waits until the gate is ready (`torii.ready` resolved) and returns `torii.get()`: the stored choice or null. */
export async function readChoice(page: Page): Promise<unknown> {
  await page.waitForFunction(() => typeof (window as { torii?: { get?: unknown } }).torii?.get === 'function')
  return page.evaluate(async () => {
    const torii = (window as unknown as { torii: { ready: Promise<unknown>; get(): unknown } }).torii
    await torii.ready
    return torii.get()
  })
}

/**
 * Waits for the floating button (`#torii-fab` in the banner's shadow root). The gate loads it after the load
 * event only when the stored choice needs no new question: once it shows, the gate has settled on not asking.
 */
export async function waitForFloatingButton(page: Page): Promise<void> {
  await page.locator('torii-consent #torii-fab').waitFor({ state: 'visible' })
}

/** What a page of either engine can do (Playwright's `Page`, the scenarios' `EnginePage`). */
interface PageScript {
  waitForFunction(fn: () => unknown): Promise<unknown>
  evaluate<T>(fn: () => Promise<T>): Promise<T>
}

/**
 * Waits until the page's load event has fired and the gate is ready (`torii.ready` resolved). A script or
 * frame the parser wrote or the gate released before then delays the load event until it is answered, and
 * the Google recorder records a request before answering it: after this, "no request to Google" is final
 * for everything the page and the gate did while loading (unlike a network lull, which proves nothing).
 */
export async function waitForGateSettled(page: PageScript): Promise<void> {
  await page.waitForFunction(
    () =>
      document.readyState === 'complete' &&
      typeof (window as { torii?: { get?: unknown } }).torii?.get === 'function'
  )
  await page.evaluate(async () => {
    await (window as unknown as { torii: { ready: Promise<unknown> } }).torii.ready
  })
}

/** The GateConfig tuple a served gate.js carries (the JSON the server put in place of the placeholder). */
export function inlinedGateConfig(gateSource: string): PackedGateConfig {
  const json = gateSource.match(/try\{\w+=(\[.*?\])\}catch/)?.[1]
  if (!json) throw new Error(`no inlined config in gate.js: ${gateSource.slice(0, 200)}`)
  return JSON.parse(json) as PackedGateConfig
}
