import type { GateConfig } from '@torii/schema/gate-config'
import type { ReceiptAction } from '@torii/schema/receipt'

type Map = Record<string, boolean>

/** A visitor's stored choice: every purpose and vendor decided, granted (true) or denied (false). */
export interface Choice {
  /** Consent id. */
  id: string
  /** Revision the choice was made on. */
  rev: number
  /** When it was made, ms since the epoch. */
  at: number
  p: Map
  v: Map
}

/** What `torii.get()` returns. */
export interface ChoiceView {
  purposes: Map
  vendors: Map
  revision: number
  consentId: string
  decidedAt: string
}

/** A decision as the UI or the API makes it. */
export interface Decision {
  p: Map
  v: Map
  action: ReceiptAction
}

export type View = 'banner' | 'prefs'

/** What is in force: purposes and vendors granted now. */
export interface State {
  p: Map
  v: Map
}

/** What the gate hands the lazily loaded UI chunk. */
export interface UiContext {
  cfg: GateConfig
  /** The gate's own URL: config.json, receipts and the UI chunk resolve against it. */
  base: string
  lang: string
  gpc: boolean
  /** The open shadow root of `<torii-consent>`. */
  root: ShadowRoot
  choice(): Choice | null
  /** Purpose and vendor keys whose tags already ran on this page (revoking one needs a reload). */
  ran: Record<string, 1>
  /** Puts a new choice in force (Consent Mode update, revival, `torii:change`); returns the state before. */
  apply(choice: Choice): State
  /** The site's current revision (`config.json`, with texts), fetched once. */
  config(): Promise<unknown>
  /** The UI closed without a decision. */
  closed(): void
}

/** What the UI chunk exports to the gate. */
export interface UiModule {
  open(ctx: UiContext, view: View, invoker?: Element | null): void
  close(): void
  /** `torii.accept` / `torii.reject`, and the GPC-only decision (`keys` null). */
  decideKeys(ctx: UiContext, keys: string[] | 'all' | null, grant: boolean): Promise<void>
  flush(): Promise<void>
  /** Shows the "allow <vendor>" stand-in of a blocked iframe (`keys`: its vendor, or its purposes). */
  placeholder(ctx: UiContext, frame: HTMLIFrameElement, keys: string[], allow: () => void): void
}

export type { GateConfig }
