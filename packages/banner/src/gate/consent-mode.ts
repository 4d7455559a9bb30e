import { GATE } from '@torii/schema/gate-config'
import type { GateConfig } from './types.ts'

type Gtag = (...args: unknown[]) => void

/**
 * Every managed type (the four Google requires, plus any a purpose maps): granted when a purpose `granted`
 * grants maps it. The defaults the gate pushes are those of what is in force without a choice (src/gate/index.ts).
 */
export function consentState(cfg: GateConfig, granted: Record<string, boolean>): Record<string, string> {
  const state: Record<string, string> = {}
  for (const t of ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'])
    state[t] = 'denied'
  for (const [key, types] of cfg[GATE.purposes])
    for (const t of types)
      if (granted[key]) state[t] = 'granted'
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
