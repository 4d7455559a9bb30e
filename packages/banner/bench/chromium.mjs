// Debian's Chromium as both bench scripts (run.mjs, ab.mjs) launch it: headless, no GPU, nothing fetched in the background.
import { chromium } from 'playwright-core'

/** Launches `/usr/bin/chromium` (or `TORII_CHROMIUM`) headless, quiet for measuring. */
export const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.TORII_CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
