// How the e2e suite and the banner's benchmarks launch Debian's Chromium: one place for the binary and its
// flags, so a test and a measurement run the same browser the same way. Plain JS, so the bench scripts
// (run by Node as they are) and the e2e suite (TypeScript, `allowJs`) both import it.

/** The Debian Chromium to drive (override with `TORII_CHROMIUM`). */
export const CHROMIUM_PATH = process.env.TORII_CHROMIUM || '/usr/bin/chromium'

/**
 * Launch flags: headless, no sandbox (root in CI), no GPU, and no traffic of Chromium's own in the
 * background (updates, sync, QUIC probes), so every request a test or a benchmark sees is the page's.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
])
