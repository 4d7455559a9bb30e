import { GATE } from '@torii/schema/gate-config'
import { vendorMatchingUrl } from '@torii/schema/host-pattern'
import { doc } from './dom.ts'
import type { GateConfig } from './types.ts'

/** The key of the configured vendor whose host patterns name `url`, if any (`vendorMatchingUrl`). */
export function vendorOfUrl(cfg: GateConfig, url: string): string | undefined {
  try {
    return vendorMatchingUrl(cfg[GATE.vendors], (v) => v[2], new URL(url, doc.URL))?.[0]
  } catch {}
}
