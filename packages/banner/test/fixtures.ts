import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
import { siteConfigSchema } from '@torii/schema/site-config'
import * as CTX from '../src/gate/ctx.ts'
import { effective } from '../src/gate/rules.ts'
import type { Choice, GateConfig, UiContext } from '../src/gate/types.ts'

/** A gate config like the demo site's: necessary (required), analytics, advertising (GPC), GA and AdSense. */
export function demoConfig(): GateConfig {
  return [
    'xtra',
    3,
    // [key, consentTypes, required, gpcDenies]
    [
      ['necessary', ['security_storage'], true, false],
      ['analytics', ['analytics_storage'], false, false],
      ['advertising', ['ad_storage', 'ad_user_data', 'ad_personalization'], false, true],
    ],
    // [key, purposes, hosts]
    [
      ['google-analytics', ['analytics'], ['www.googletagmanager.com', '*.google-analytics.com']],
      ['google-adsense', ['advertising'], ['pagead2.googlesyndication.com', '*.doubleclick.net']],
    ],
    '/assets/ui-test.js',
    // consentDays, refusalDays, cookieDomain, waitForUpdateMs, adsDataRedaction, urlPassthrough, floatingButton
    395,
    183,
    null,
    500,
    true,
    false,
    true,
  ]
}

/** A `UiContext` from its fields by name (each put at its `CTX` index); fields not given are left out. */
export function uiContext(fields: Partial<Record<keyof typeof CTX, unknown>>): UiContext {
  const ctx: unknown[] = []
  const at: Record<string, number> = { ...CTX }
  for (const [name, value] of Object.entries(fields)) ctx[at[name]!] = value
  return ctx as unknown as UiContext
}

/** The demo site's current revision as config.json answers it. */
export const LIVE_REVISION = {
  siteId: 'xtra',
  number: 3,
  hash: 'f'.repeat(64),
  publishedAt: new Date(0).toISOString(),
  config: siteConfigSchema.parse(DEMO_SITE_CONFIG),
}

/**
 * The context the gate hands the UI on the demo site for `choice`; `config` answers `answer` like the gate's
 * fetch of config.json (undefined: the server is away).
 */
export function demoUiContext(choice: Choice | null, answer: unknown): UiContext {
  const cfg = demoConfig()
  return uiContext({
    cfg,
    base: 'https://consent.example/s/xtra/gate.js',
    gpc: false,
    choice,
    state: effective(cfg, choice, false),
    config: () => Promise.resolve(answer),
    get: () => null,
    scan: () => {},
    fab: () => {},
    show: () => {},
  })
}
