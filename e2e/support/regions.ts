import { isDeepStrictEqual } from 'node:util'
import type { Jurisdiction, Regions } from '@torii/schema'
import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { expect, onTestFinished } from 'vitest'
import { publishDemo } from './admin.ts'
import { type BrowserHandle, sendGpc } from './browser.ts'
import { type GoogleRecorder, recordGoogleRequests } from './google.ts'
import { collectPageErrors } from './page-errors.ts'
import { startTestServer, type TestServer } from './server.ts'

/** The geo headers the region tests' server trusts, as Cloudflare names them (`cf-region-code` holds `CA`). */
export const GEO_HEADERS = { country: 'cf-ipcountry', subdivision: 'cf-region-code' } as const

/**
 * Xtra's rules, as the demo seeds them (issue #15, docs/regions.md): Japan notice, EEA+UK+CH opt-in, the US
 * privacy states opt-out, opt-in elsewhere. The demo's advertising purpose has `gpcDenies`.
 */
export const DEMO_REGIONS: Regions = (() => {
  const regions = DEMO_SITE_CONFIG.regions
  if (!regions) throw new Error("DEMO_SITE_CONFIG has no region rules: the region tests need the demo's")
  return regions
})()

/** A public address the embedded IP database places in Japan (tested in packages/server/src/geo/). */
export const JAPANESE_IP = '133.242.0.1'

export type GeoMode = 'header' | 'ip'

export interface RegionServerOptions {
  /** `header` (default): the country from `GEO_HEADERS`; `ip`: no geo header, the IP database on the last
   * `X-Forwarded-For` entry (`TORII_TRUST_PROXY=1`). */
  geo?: GeoMode
  /** The rules to publish (revision 2 of the demo site); default `DEMO_REGIONS`. */
  regions?: Regions
}

/**
 * A fresh demo server (closed after the test) resolving visitors as `TORII_GEO_HEADER=cf-ipcountry`
 * `TORII_GEO_SUBDIVISION_HEADER=cf-region-code` (or the IP database behind a trusted proxy) would, with the
 * demo's region rules (or `options.regions`) live.
 */
export async function startRegionServer(options: RegionServerOptions = {}): Promise<TestServer> {
  const server = await startTestServer(
    options.geo === 'ip'
      ? { trustProxy: true, geo: {} }
      : { geo: { countryHeader: GEO_HEADERS.country, subdivisionHeader: GEO_HEADERS.subdivision } }
  )
  onTestFinished(() => server.close())
  const regions = options.regions ?? DEMO_REGIONS
  // The demo may already be seeded with these rules: publishing the same config again is refused.
  const live = (await (await fetch(server.at('/s/xtra/config.json'))).json()) as {
    config: { regions?: Regions }
  }
  if (!isDeepStrictEqual(live.config.regions, regions)) {
    await publishDemo(server, (config) => ({ ...config, regions }))
  }
  return server
}

/** Where a visitor comes from: a jurisdiction sent in the geo headers, or a client address. */
export type VisitorOrigin = Jurisdiction | { ip: string }

/** The request headers a CDN (or a trusted proxy) in front of the server would add for `from`. */
export function headersFrom(from: VisitorOrigin): Record<string, string> {
  if ('ip' in from) return { 'x-forwarded-for': from.ip }
  const headers: Record<string, string> = {}
  if (from.country) headers[GEO_HEADERS.country] = from.country
  // As Cloudflare sends it: the part after the dash (`CA` for US-CA).
  if (from.subdivision) headers[GEO_HEADERS.subdivision] = from.subdivision.split('-')[1]
  return headers
}

export interface VisitFromOptions {
  /** Global Privacy Control on (`navigator.globalPrivacyControl`, as `sendGpc`). */
  gpc?: boolean
  /** The browser's locale; default the suite's `ja-JP`. */
  locale?: string
}

export interface RegionVisit {
  context: BrowserContext
  google: GoogleRecorder
  page: Page
  errors: string[]
}

/**
 * A fresh browser context whose every request carries `from`'s geo headers (Playwright's
 * `extraHTTPHeaders`, so the page, gate.js and the receipt POSTs all say where the visitor is), Google
 * stubbed and recorded, and one page that fails the test on errors. Nothing is opened yet.
 */
export async function visitorFrom(
  browser: BrowserHandle,
  from: VisitorOrigin,
  options: VisitFromOptions = {}
): Promise<RegionVisit> {
  const context = await browser.newContext({
    extraHTTPHeaders: headersFrom(from),
    ...(options.locale ? { locale: options.locale } : {}),
  })
  if (options.gpc) await sendGpc(context)
  const google = await recordGoogleRequests(context)
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  onTestFinished(() => expect(errors).toEqual([]))
  return { context, google, page, errors }
}

/**
 * The notice of a `notice` region: a non-modal region landmark in the banner's shadow root, with an OK button
 * (`close`) and no Reject all (which tells it from the opt-in banner, a region landmark too).
 */
export function regionNotice(page: Page): Locator {
  return page
    .locator('torii-consent')
    .getByRole('region')
    .filter({ has: page.locator('[data-torii-action="close"]') })
    .filter({ hasNot: page.locator('[data-torii-action="reject-all"]') })
}

/**
 * The persistent "Your privacy choices" link of an `opt-out` region: drawn by the floating button's chunk, in
 * a `<nav>` (`#torii-fab`, named by the link's text) at the end of the page.
 */
export function privacyChoicesLink(page: Page): Locator {
  return page.locator('torii-consent #torii-fab').getByRole('link')
}

/** The preferences dialog's button for `action` (`accept-all`, `reject-all`, `save`, `close`). */
export function preferencesButton(page: Page, action: string): Locator {
  return page.getByRole('dialog').locator(`[data-torii-action="${action}"]`)
}
