import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
import { GATE } from '@torii/schema/gate-config'
import { siteConfigSchema } from '@torii/schema/site-config'
import type { Choice, GateConfig } from '../src/gate/types.ts'
import type { GateHandle, ToriiApi } from '../src/shared/contract.ts'

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

/**
 * The demo's gate config under a region rule of `model` (docs/regions.md): analytics and advertising run by
 * default, but `optInPurposes`, which wait for consent there.
 */
export function regionConfig(model: 'opt-out' | 'notice', optInPurposes?: string[]): GateConfig {
  const cfg = demoConfig()
  cfg[GATE.region] = optInPurposes ? [model, optInPurposes] : [model]
  return cfg
}

/**
 * A gate handle as the chunks see it, from the fields given; `_apply` puts the choice in force as the gate
 * does on the handle (the gate's revival is tested in e2e), `_showFab` does nothing.
 */
export function gateHandle(fields: Partial<GateHandle>): GateHandle {
  const gate = {
    _gateConfig: demoConfig(),
    _gateUrl: 'https://consent.example/s/xtra/gate.js',
    _gpc: false,
    _choice: null,
    _showFab: () => {},
    _apply(choice: Choice) {
      gate._choice = choice
    },
    ...fields,
  }
  return gate
}

/** The page API the gate installs, as the chunks use it: `get` answers null, `show` is given. */
export function installToriiApi(api: Partial<ToriiApi> = {}): ToriiApi {
  const torii = { get: () => null, show: () => {}, ...api }
  window.torii = torii
  return torii
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
 * The handle the gate hands the UI on the demo site for `choice`, once it opened the UI: config.json
 * answered `answer` (undefined: the server is away). Installs the page API the UI uses.
 */
export function demoGate(choice: Choice | null, answer: unknown, gpc = false): GateHandle {
  installToriiApi()
  return gateHandle({ _gpc: gpc, _choice: choice, _configJson: Promise.resolve(answer) })
}

/** `demoGate` under a region rule of `model` (see regionConfig). */
export function regionGate(
  model: 'opt-out' | 'notice',
  choice: Choice | null,
  answer: unknown,
  { gpc = false, optInPurposes }: { gpc?: boolean; optInPurposes?: string[] } = {}
): GateHandle {
  installToriiApi()
  return gateHandle({
    _gateConfig: regionConfig(model, optInPurposes),
    _gpc: gpc,
    _choice: choice,
    _configJson: Promise.resolve(answer),
  })
}
