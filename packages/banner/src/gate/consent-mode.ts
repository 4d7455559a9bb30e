import { GATE, GATE_DEFAULTS } from '@torii/schema/gate-config'
import type { GateConfig } from './types.ts'

type Gtag = (...args: unknown[]) => void

/**
 * Every managed type (the four Google requires, plus any a purpose maps): granted when a granted purpose
 * maps it. Without `granted`, the defaults: only required purposes granted.
 */
export function consentState(cfg: GateConfig, granted?: Record<string, boolean>): Record<string, string> {
  const state: Record<string, string> = {}
  for (const t of ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'])
    state[t] = 'denied'
  for (const [key, types, required] of cfg[GATE.purposes])
    for (const t of types)
      if (granted ? granted[key] : required) state[t] = 'granted'
      else state[t] ||= 'denied'
  return state
}

/** `window.gtag`, created like Google's snippet when the page has none (it must push `arguments`). */
export function gtag(): Gtag {
  const w = window as unknown as { dataLayer: unknown[]; gtag?: Gtag }
  const dl = (w.dataLayer ||= [])
  return (w.gtag ||= function () {
    // biome-ignore lint/complexity/noArguments: gtag.js reads Arguments objects, not arrays
    dl.push(arguments)
  })
}

/**
 * GCM-01/12/13/14: the defaults (only required purposes granted) and the privacy `set`s, before any tag;
 * GCM-05: with the purposes a stored choice grants, its update right after.
 */
export function pushDefaults(cfg: GateConfig, granted?: Record<string, boolean> | null): void {
  const g = gtag()
  g('consent', 'default', {
    ...consentState(cfg),
    wait_for_update: cfg[GATE.waitForUpdateMs] ?? GATE_DEFAULTS.waitForUpdateMs,
  })
  if (cfg[GATE.adsDataRedaction] !== false) g('set', 'ads_data_redaction', true)
  if (cfg[GATE.urlPassthrough]) g('set', 'url_passthrough', true)
  if (granted) g('consent', 'update', consentState(cfg, granted))
}
