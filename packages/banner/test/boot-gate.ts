import { vi } from 'vitest'
import type { GateConfig } from '../src/gate/types.ts'

/**
 * Boots a fresh gate on this page with `cfg` as the server inlines it (`__TORII_CONFIG__`): the gate's modules
 * anew, so each call is a page view. The caller clears what a previous boot left (`dataLayer`, `torii`).
 */
export async function bootGate(cfg: GateConfig): Promise<void> {
  ;(globalThis as { __TORII_CONFIG__?: unknown }).__TORII_CONFIG__ = cfg
  vi.resetModules()
  await import('../src/gate/index.ts')
}
