/**
 * The gate: the synchronous script first in `<head>`. It sets Consent Mode defaults, holds every tag
 * that needs consent, applies a stored choice at once, and loads the UI chunk only when a decision is
 * needed. Written for bytes: every page view downloads it (see scripts/build.mjs for the minifier
 * settings). What is not needed on every page view lives in lazily loaded chunks: the first layer,
 * decisions (cookie, Consent Mode update, receipt: src/ui/decide.ts), placeholders, the floating button.
 *
 * `boot()` composes the three parts around the choice in force on the handle: the lazy UI (lazy-ui.ts),
 * enforcement (enforcement.ts) and the API (api.ts).
 */

// Evaluated first (a bare import stays where it is): the inlined config then leads dist/gate.js (config.ts).
import './config.ts'
// Then Consent Mode, the cookie and the guards, before the parts' own modules: the order of the gate's
// modules before this split, which compresses ~7 B gzip better (measured).
import './consent-mode.ts'
import './cookie.ts'
import './guards.ts'
import { OUTBOX_FLAG } from '../shared/constants.ts'
import type { GateOwnHandle } from '../shared/contract.ts'
import { createApi } from './api.ts'
import { readConfig } from './config.ts'
import { pushDefaults } from './consent-mode.ts'
import { readChoice } from './cookie.ts'
import { doc } from './dom.ts'
import { createEnforcement } from './enforcement.ts'
import { createLazyUi } from './lazy-ui.ts'
import { effective, isExpired } from './rules.ts'
import { safe } from './warn.ts'

function boot() {
  const w = window as unknown as { torii?: unknown[] & { v?: 1 } }
  const queued = w.torii
  // Loaded twice: the first gate is in charge. Recognised by the API's undocumented `v`, not by a documented
  // name (a page's queue stub may carry its own `ready`), and gates of earlier builds look for `v` too.
  if (queued?.v) return

  // The choice in force, and what it allows: the gate's own state on the handle, changed only by `_apply`.
  const script = doc.currentScript as HTMLScriptElement | null
  const cfg = readConfig()
  const gpc = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl == true
  let choice = readChoice(doc.cookie)
  if (choice && isExpired(cfg, choice, Date.now())) choice = null
  const inForce = effective(cfg, choice, gpc)

  // GCM-01: defaults before anything else; GCM-05: the stored choice as early as possible, before any tag.
  pushDefaults(cfg, choice && inForce.p)

  // `_showFab` and `_apply` are set by the parts below, before any chunk gets the handle.
  const gate = {
    _gateConfig: cfg,
    // The page's URL (location.href) when not loaded by a <script src>.
    _gateUrl: script?.src || doc.URL,
    _gpc: gpc,
    _choice: choice,
  } as GateOwnHandle
  const [withUi, open] = createLazyUi(gate, cfg)
  // A decision is needed: the UI and the texts are fetched now, in parallel, before the gate sets up.
  if (inForce.ask) open('banner')
  const scan = createEnforcement(gate, cfg, withUi, script?.nonce || '', inForce)
  const api = createApi(gate, cfg, withUi, open)
  scan()
  // GPC denies what is undecided without asking. Once the page has loaded, what is not urgent: a returning
  // visitor's floating button (its chunk then never competes with the page's own tags), and receipts
  // queued on an earlier page view. A page's first localStorage read is a synchronous trip to the browser
  // process (4-9 ms here), so it never comes before a banner: the UI looks for them after showing one.
  if (!inForce.ask) {
    if (inForce.gpc) withUi((m) => m._decideGpc(gate))
    addEventListener('load', () => {
      gate._showFab()
      try {
        if (localStorage[OUTBOX_FLAG]) withUi((m) => m._flushReceipts())
      } catch {}
    })
  }
  queued?.forEach?.(api.push as (item: unknown) => void)
}

safe(boot)()
