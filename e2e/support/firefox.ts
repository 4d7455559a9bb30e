import puppeteer, { type Browser } from 'puppeteer-core'

/** Debian's Firefox ESR, driven over WebDriver BiDi (override with TORII_FIREFOX). */
export const FIREFOX_PATH = process.env.TORII_FIREFOX || '/usr/bin/firefox-esr'

/** Firefox's own Global Privacy Control: sets `navigator.globalPrivacyControl` and sends `Sec-GPC: 1`. */
export const FIREFOX_GPC_PREFS = {
  'privacy.globalprivacycontrol.enabled': true,
  'privacy.globalprivacycontrol.functionality.enabled': true,
}

export interface FirefoxOptions {
  /** Turn Global Privacy Control on (a browser-wide preference, so a browser of its own). */
  gpc?: boolean
}

/** Launches headless Firefox ESR from `FIREFOX_PATH` (with GPC on when asked). */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<Browser> {
  try {
    return await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      extraPrefsFirefox: options.gpc ? FIREFOX_GPC_PREFS : {},
    })
  } catch (error) {
    throw new Error(
      `Could not launch Firefox at ${FIREFOX_PATH} (install it with: apt-get install -y firefox-esr): ${String(error)}`
    )
  }
}
