// Debian's Chromium as both bench scripts (run.mjs, ab.mjs) launch it: the e2e suite's binary and flags.
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs'

/** Launches `/usr/bin/chromium` (or `TORII_CHROMIUM`) headless, quiet for measuring. */
export const launchChromium = () =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] })
