import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'

/** Debian's Chromium, unless `TORII_CHROMIUM` names another binary (read at each launch). */
export const scanChromiumPath = (): string => process.env.TORII_CHROMIUM || '/usr/bin/chromium'

/** Headless, no sandbox (root in containers), no traffic of Chromium's own besides the pages'. */
const SCAN_CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Chromium or playwright-core is not there: the scanner cannot run (the rest of Torii can). */
export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError'
}

export interface ScanBrowserOptions {
  /** The Chromium binary (default `scanChromiumPath()`). */
  executablePath?: string
  /** More flags, e.g. `--host-resolver-rules=…` to reach a test site's hosts. */
  args?: string[]
}

/** Why the scanner cannot run here, or `null` when Chromium is installed. */
export function chromiumMissingReason(executablePath = scanChromiumPath()): string | null {
  if (existsSync(executablePath)) return null
  return `Chromium is not installed at ${executablePath}: install it (apt-get install -y chromium) or set TORII_CHROMIUM to its path`
}

/**
 * Launches headless Chromium for a scan. playwright-core is imported here, on first use, so the server
 * starts (and serves everything else) on a machine without it.
 */
export async function launchScanBrowser(options: ScanBrowserOptions = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? scanChromiumPath()
  const missing = chromiumMissingReason(executablePath)
  if (missing) throw new ChromiumMissingError(missing)
  let playwright: typeof import('playwright-core')
  try {
    playwright = await import('playwright-core')
  } catch (error) {
    throw new ChromiumMissingError(`playwright-core could not be loaded: ${(error as Error).message}`)
  }
  try {
    return await playwright.chromium.launch({
      executablePath,
      headless: true,
      args: [...SCAN_CHROMIUM_ARGS, ...(options.args ?? [])],
    })
  } catch (error) {
    throw new ChromiumMissingError(`Chromium at ${executablePath} did not start: ${(error as Error).message}`)
  }
}
