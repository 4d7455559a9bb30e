import type { GateConfig } from '@torii/schema/gate-config'

type Flags = Record<string, boolean>

/** A visitor's stored choice: every purpose and vendor decided, granted (true) or denied (false). */
export interface Choice {
  /** Consent id. */
  id: string
  /** Revision the choice was made on. */
  rev: number
  /** When it was made, ms since the epoch. */
  at: number
  p: Flags
  v: Flags
}

/** What `torii.get()` returns. */
export interface ChoiceView {
  purposes: Flags
  vendors: Flags
  revision: number
  consentId: string
  decidedAt: string
}

export type { GateConfig }
