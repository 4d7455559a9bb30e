import { GATE } from '@torii/schema/gate-config'
import type { Jurisdiction } from '@torii/schema/regions/jurisdiction'
import { resolveRegionRule } from '@torii/schema/regions/resolve-region-rule'
import { normalizeConfig } from '../gate/config.ts'
import { readChoice } from '../gate/cookie.ts'
import { type Effective, effective, isExpired } from '../gate/rules.ts'
import type { Choice } from '../gate/types.ts'
import type { SiteGateConfig } from './gate-config-of.ts'

type Flags = Record<string, boolean>

/** What a site's server may render unheld: true only where the gate would run the tag on this page view. */
export interface CookieConsent {
  purposes: Flags
  vendors: Flags
}

export interface CookieConsentOptions {
  /** The request's `Sec-GPC: 1` header (browsers send it with `navigator.globalPrivacyControl`). */
  gpc: boolean
  /**
   * Where the visitor is, as the consent server resolves it for gate.js (the same geo header, or nothing):
   * the site's region rule for it decides, as in that visitor's gate. Unknown or absent: the default rule.
   */
  jurisdiction?: Jurisdiction
  /** Now, ms since the epoch (default `Date.now()`). */
  now?: number
  /** A choice that expires within this many ms counts as expired: the browser's clock may be ahead. */
  marginMs?: number
}

/** One day: the default safety margin on a choice's expiry. */
export const EXPIRY_MARGIN_MS = 86_400_000

/**
 * What the `torii` cookie of a request (its `Cookie` header) allows, by the gate's own rules (`readChoice`,
 * `isExpired`, `effective`) under the visitor's region rule (`jurisdiction`), for a site server that renders
 * allowed tags unheld. Without a valid choice, what the rule runs by default (nothing in an opt-in rule);
 * everything false when the gate would ask (show the banner). A choice that expires within the margin counts
 * only for what it and no choice both allow. Given several configs (the gate config of the live revision and of
 * the one before it, while browsers may still hold the older gate.js), only what every one of them allows.
 */
export function allowedByCookie(
  cookieHeader: string | undefined,
  configs: SiteGateConfig | readonly SiteGateConfig[],
  { gpc, jurisdiction = {}, now = Date.now(), marginMs = EXPIRY_MARGIN_MS }: CookieConsentOptions
): CookieConsent {
  // A GateConfig is a tuple whose first element is the site id (a string), a list of them is not. Each is
  // filled in as the gate fills its inlined one, so a packed config (as gate.js carries it) reads the same.
  const list = (typeof configs[0] == 'string' ? [configs as SiteGateConfig] : (configs as SiteGateConfig[]))
    .map(normalizeConfig)
    .map((cfg: SiteGateConfig) => {
      const rule = resolveRegionRule(cfg.regions, jurisdiction)
      return cfg.byRule?.[rule.key] ?? cfg
    })
  const out: CookieConsent = { purposes: {}, vendors: {} }
  for (const cfg of list) {
    for (const [key] of cfg[GATE.purposes]) out.purposes[key] = false
    for (const [key] of cfg[GATE.vendors]) out.vendors[key] = false
  }
  const choice = readChoice(cookieHeader || '')
  const states: Effective[] = []
  for (const cfg of list) {
    // A choice about to expire may be gone for the gate (the visitor's clock is ahead): then what the rule runs
    // without one is in force. Only what both allow is safe.
    const choices: (Choice | null)[] =
      choice && isExpired(cfg, choice, now + marginMs) ? [choice, null] : [choice]
    for (const c of choices) {
      const state = effective(cfg, c, gpc)
      // The banner would show: the visitor is about to decide (the gate still runs what was granted before,
      // on its own; held tags cost this page view speed, never consent).
      if (state.ask) return out
      states.push(state)
    }
  }
  for (const key in out.purposes) out.purposes[key] = states.every((s) => s.p[key] == true)
  for (const key in out.vendors) out.vendors[key] = states.every((s) => s.v[key] == true)
  return out
}
