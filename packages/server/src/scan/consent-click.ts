import type { ScanPhase } from '@torii/schema/scan-report'
import type { Page } from 'playwright-core'

/** The banner button of each choice the scanner makes (DESIGN.md: `data-torii-action`). */
const ACTION_OF_PHASE: Record<Exclude<ScanPhase, 'fresh'>, string> = {
  rejected: 'reject-all',
  accepted: 'accept-all',
}

/** Torii's gate is on the page: `window.torii` is the loaded API, not the queue a page may set up. */
export function hasTorii(page: Page, timeoutMs: number): Promise<boolean> {
  return page
    .waitForFunction("typeof window.torii?.get === 'function'", undefined, { timeout: timeoutMs })
    .then(
      () => true,
      () => false
    )
}

/**
 * Clicks Reject all or Accept all in Torii's banner (its open shadow root) and waits until the choice is
 * in force (`torii.get()` answers it).
 */
export async function chooseInBanner(page: Page, phase: Exclude<ScanPhase, 'fresh'>, timeoutMs: number) {
  const button = page.locator(`torii-consent [data-torii-action="${ACTION_OF_PHASE[phase]}"]`).first()
  await button.click({ timeout: timeoutMs })
  await page.waitForFunction('window.torii.get() != null', undefined, { timeout: timeoutMs })
}

const GATE_SRC = `Array.from(document.scripts, (s) => s.src).find((src) => /\\/s\\/[^/]+\\/gate\\.js(\\?|$)/.test(src)) || ''`

/**
 * The host serving Torii's gate (`…/s/SITE/gate.js`), if the page loads it: Torii's own requests (the
 * gate, its UI chunks, receipts) are the consent tool itself, not a third party to report.
 */
export async function toriiHost(page: Page): Promise<string | undefined> {
  const src = (await page.evaluate(GATE_SRC).catch(() => '')) as string
  return src ? new URL(src).host : undefined
}
