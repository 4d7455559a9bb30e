import type { GateConfig } from '@torii/schema/gate-config'
import type { ReceiptAction } from '@torii/schema/receipt'
import type { SiteConfig } from '@torii/schema/site-config'
import * as CTX from './ctx.ts'
import type { Effective } from './rules.ts'

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

/**
 * What the gate hands the lazily loaded chunks (the UI, the floating button): an array, each field at its
 * `CTX` index (`ctx[CTX.choice]`, `import * as CTX from './ctx.ts'`), like `GateConfig` (field names would
 * be bytes in the gate every page view downloads). Declared by those indexes, so tsc checks that the gate's
 * array literal puts each field where the chunks read it.
 */
export interface UiContext {
  [CTX.cfg]: GateConfig
  /** The gate's own URL: config.json, receipts and the UI chunk resolve against it. */
  [CTX.base]: string
  [CTX.gpc]: boolean
  /** The choice in force (the UI sets it when the visitor decides). */
  [CTX.choice]: Choice | null
  /** What is in force, and what is undecided: updated in place by the UI (`src/ui/decide.ts`). */
  [CTX.state]: Effective
  /** The site's current revision (`config.json`, with texts), fetched once; undefined when unreachable. */
  [CTX.config]: () => Promise<unknown>
  /** What `torii.get()` returns (the same function). */
  [CTX.get]: () => ChoiceView | null
  /** Revives what the state in force allows (after a decision). */
  [CTX.scan]: () => void
  /** Shows the floating button when the site wants it and a choice exists. */
  [CTX.fab]: () => void
  /** Opens the preferences (`torii.show()`); `invoker` gets focus back when they close. */
  [CTX.show]: (invoker?: Element | null) => void
  /** The language shown: picked by the UI chunk on first use (src/ui/site.ts); the gate leaves it out. */
  [CTX.lang]?: string
  /** The open shadow root of `<torii-consent>`: made by the first chunk that needs it. */
  [CTX.root]?: ShadowRoot
  /** The site's config as the UI uses it (src/ui/site.ts): made once, by the UI chunk. */
  [CTX.site]?: Promise<SiteConfig>
}

/**
 * What the UI chunk exports to the gate: one letter each, as the gate names them in every page view's
 * download (src/ui/index.ts exports its functions under these names).
 */
export interface UiModule {
  /** `open`: shows the first layer or the preferences; `invoker` gets focus back when they close. */
  o(ctx: UiContext, view: View, invoker?: Element | null): void
  /** `close`: closes whatever is open. */
  c(): void
  /** `decideKeys`: `torii.accept` / `torii.reject` (`keys`: 'all', a key or keys, as page script passed them). */
  k(ctx: UiContext, keys: unknown, grant: boolean): Promise<void>
  /** `gpc`: the decision GPC alone makes: what is undecided and GPC denies, denied without asking. */
  g(ctx: UiContext): Promise<void>
  /** `flush`: sends the receipts queued on an earlier page view. */
  f(): Promise<void>
  /** `placeholder`: shows the "allow <vendor>" stand-in of a blocked iframe (allowing its vendor, or its purposes). */
  p(ctx: UiContext, frame: Element): Promise<void>
}

/** What the floating button chunk exports to the gate: its fab() as `f`, one letter like `UiModule`'s. */
export interface FabModule {
  /** `fab`: shows the floating button (src/ui/fab.ts), once the body exists. */
  f(ctx: UiContext): void
}

export type { GateConfig }
