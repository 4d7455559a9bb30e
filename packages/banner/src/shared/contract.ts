/**
 * The contract between the gate (`src/gate/`, every page view) and the chunks it loads lazily (the UI and the
 * floating button, `src/ui/`): the handle the gate hands them and what each chunk exports to the gate.
 *
 * Members are named here and nowhere shortened: each `_name` is mangled by the build to the short name
 * `mangle.json` gives it, one map for the gate's and the chunks' builds (and the chunks' export names), so
 * both sides agree (as Preact's `mangle.json` does). Only names listed there are mangled, and only those
 * starting with `_`, so no data field, DOM property or library field is ever touched (scripts/build.mjs).
 */
import type { ReceiptAction } from '@torii/schema/receipt'
import type { SiteConfig } from '@torii/schema/site-config'
import type { Choice, ChoiceView, GateConfig } from '../gate/types.ts'

type Flags = Record<string, boolean>

/** What the UI shows: the first layer (the banner), the notice of a notice-model region, or the preferences. */
export type View = 'banner' | 'notice' | 'prefs'

/** A decision as the UI or the API makes it, before the rules complete it into a choice. */
export interface Decision {
  p: Flags
  v: Flags
  action: ReceiptAction
}

/** What the UI chunk and the floating button chunk share on the handle; the gate never reads it. */
export interface ChunkState {
  /** The open shadow root of `<torii-consent>`: made by the first chunk that needs it. */
  root?: ShadowRoot
  /** The language shown: picked by the UI chunk on first use (src/ui/site.ts). */
  lang?: string
  /** The site's config as the UI uses it (src/ui/site.ts): made once, by the UI chunk. */
  site?: Promise<SiteConfig>
}

/**
 * What the gate hands the chunks it loads. The gate owns the choice in force: a chunk reads it here and
 * asks the gate to put a new one in force (`_apply`), never writes it.
 */
export interface GateHandle {
  /** The config the server inlined into gate.js, normalised. */
  readonly _gateConfig: GateConfig
  /** The gate's own URL: config.json, receipts and the chunks resolve against it. */
  readonly _gateUrl: string
  /** The browser sends Global Privacy Control. */
  readonly _gpc: boolean
  /**
   * The choice in force (null before the visitor's first decision). What it allows is `effective(...)` of it
   * (src/ui/in-force.ts): the gate keeps no second copy on the handle, every byte of it being paid for on
   * each page view.
   */
  readonly _choice: Choice | null
  /**
   * config.json (the site's current revision, with texts), once the gate opened the UI: fetched in parallel
   * with the chunk; resolves false when the server is away.
   */
  readonly _configJson?: Promise<unknown>
  /**
   * Puts `choice` in force in the gate: what it allows, the Consent Mode update and the `torii_consent`
   * dataLayer event (GCM-05/06: before any tag it allows runs), then the revival of the tags it allows.
   */
  _apply(choice: Choice): void
  /**
   * Shows the floating button when the site wants it and a choice exists; under an opt-out rule, always (the
   * chunk draws the privacy-choices link). Returns the chunk's import, if any.
   */
  _showFab(): unknown
  /** The chunks' own state, kept with the handle: made by the first chunk that needs it (see `ChunkState`). */
  _chunks?: ChunkState
}

/**
 * The page API (`window.torii`, the README), which the gate installs before any chunk loads: the chunks use
 * it for what it already offers, so the handle does not carry it twice.
 */
export interface ToriiApi {
  /** The choice in force as the page sees it (`torii:change` carries it). */
  get(): ChoiceView | null
  /** Opens the preferences; `invoker` gets focus back when they close (the floating button). */
  show(invoker?: Element | null): void
}

declare global {
  interface Window {
    /** The page API, as the chunks use it (see `ToriiApi`). */
    torii: ToriiApi
  }
}

/** The handle as the gate makes it: it alone writes the choice in force and config.json's answer. */
export type GateOwnHandle = { -readonly [K in keyof GateHandle]: GateHandle[K] }

/**
 * What the UI chunk exports to the gate: its module's exports, each under its `_name` in the source and
 * renamed to the short name by the build, as the gate calls it.
 */
export interface UiModule {
  /** Shows the first layer, the notice or the preferences; `invoker` gets focus back when they close. */
  _open(gate: GateHandle, view: View, invoker?: Element | null): Promise<void>
  /** Closes whatever is open. */
  _close(): void
  /** `torii.accept` / `torii.reject` (`keys`: 'all', a key or keys, as page script passed them). */
  _decideKeys(gate: GateHandle, keys: unknown, grant: boolean): Promise<void>
  /** The decision GPC alone makes: what is undecided and GPC denies, denied without asking. */
  _decideGpc(gate: GateHandle): Promise<void>
  /** Sends the receipts queued on an earlier page view. */
  _flushReceipts(): Promise<void>
  /** Shows the "allow <vendor>" stand-in of a blocked iframe (allowing its vendor, or its purposes). */
  _showPlaceholder(gate: GateHandle, frame: Element): Promise<void>
}

/** What the floating button chunk exports to the gate (as `UiModule`). */
export interface FabModule {
  /**
   * Draws the floating button, or an opt-out region's privacy-choices link (src/ui/fab.ts), once the body
   * exists; resolves once it is shown (the link's text may come from config.json first).
   */
  _drawFab(gate: GateHandle): Promise<void>
}

/**
 * What the notice's chunk (src/ui/notice-first.ts) exports to the gate: `_open` as the UI chunk's, for the
 * notice only (a notice-model region's visitor without a choice).
 */
export interface NoticeModule {
  /** Shows the notice once the body exists (the UI chunk's `_open(gate, 'notice')`, without the UI chunk). */
  _open(gate: GateHandle): Promise<void>
}
