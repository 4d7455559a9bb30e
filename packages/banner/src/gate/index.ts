/**
 * The gate: the synchronous script first in `<head>`. It sets Consent Mode defaults, holds every tag
 * that needs consent, applies a stored choice at once, and loads the UI chunk only when a decision is
 * needed. Written for bytes: every page view downloads it (see scripts/build.mjs for the minifier
 * settings). What is not needed on every page view lives in lazily loaded chunks: the first layer,
 * decisions (cookie, Consent Mode update, receipt: src/ui/decide.ts), placeholders, the floating button.
 *
 * `boot()` is one function, in sections around the choice in force on the handle: the lazy chunks,
 * enforcement, the page API. They were modules of their own (factories taking the handle, the config, the
 * chunk loader, ...); one scope gzips 34 B smaller (measured on all three region models' gates, #15): the
 * minifier then needs no wrapper functions, arguments and returned tuples between them. The parts that do
 * not need the boot's state stay modules: the guards, the reviver, the rules, Consent Mode, the cookie.
 */

// Evaluated first (a bare import stays where it is): the inlined config then leads dist/gate.js (config.ts).
import './config.ts'
// Then Consent Mode, the cookie and the guards, before the other modules: the order of the gate's modules
// that compresses ~7 B gzip better (measured).
import './consent-mode.ts'
import './cookie.ts'
import './guards.ts'
import { GATE, GATE_DEFAULTS } from '@torii/schema/gate-config'
import { EVENT_PREFIX, INERT_SELECTOR, OUTBOX_FLAG } from '../shared/constants.ts'
import type { FabModule, GateOwnHandle, NoticeModule, UiModule, View } from '../shared/contract.ts'
import { readConfig } from './config.ts'
import { consentState, gtag } from './consent-mode.ts'
import { readChoice } from './cookie.ts'
import { attr, doc, isFrame, isTag } from './dom.ts'
import { installGuards } from './guards.ts'
import { hold } from './hold.ts'
import { vendorOfUrl } from './hosts.ts'
import { modelOf } from './model.ts'
import { createReviver } from './revive.ts'
import { effective, isExpired } from './rules.ts'
import type { ChoiceView } from './types.ts'
import { safe, warn } from './warn.ts'

/**
 * The floating button's chunk, next to the UI chunk (its file name, set by scripts/build.mjs). The notice gate's
 * draws the notice too (src/ui/notice-first.ts): one name in that gate for both.
 */
declare const __TORII_FAB__: string

type Fn = (...args: never[]) => unknown

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
  let inForce = effective(cfg, choice, gpc)
  // Constant in each gate build (src/gate/model.ts): the opt-in gate has none of the other models' code.
  const model = modelOf(cfg)

  // --- Consent Mode. GCM-01/12/13/14: the defaults and the privacy `set`s, before anything else; GCM-05: a
  // stored choice's update right after, before any tag. GCM-09, GCM-10, GCM-11: the defaults are the rule's
  // (the server serves each visitor the gate of their region rule): what it runs without a choice is granted,
  // what it asks first is denied (opt-in: all but required purposes). Written here, not in consent-mode.ts: a
  // function of its own costs the opt-out and notice gates 3 B gzip in arguments.
  const g = gtag()
  g('consent', 'default', {
    ...consentState(cfg, effective(cfg, null, gpc).p),
    wait_for_update: cfg[GATE.waitForUpdateMs] ?? GATE_DEFAULTS.waitForUpdateMs,
  })
  if (cfg[GATE.adsDataRedaction] !== false) g('set', 'ads_data_redaction', true)
  if (cfg[GATE.urlPassthrough]) g('set', 'url_passthrough', true)
  // The Consent Mode update for what is in force, then the `torii_consent` dataLayer event GTM triggers fire on
  // (granted purpose and vendor keys, in config order; docs/gtm.md): on a page view with a choice, and on every
  // change (`_apply`), before any tag it allows runs (GCM-05/06). Through the gtag of the boot (the page's, or
  // the gate's: both push to the one dataLayer, which `gtag()` made). Written here, not in consent-mode.ts: 6 B
  // gzip less.
  const update = () => {
    g('consent', 'update', consentState(cfg, inForce.p))
    const granted = (flags: Record<string, boolean>) => Object.keys(flags).filter((key) => flags[key])
    ;(window as unknown as { dataLayer: unknown[] }).dataLayer.push({
      event: 'torii_consent',
      torii_purposes: granted(inForce.p),
      torii_vendors: granted(inForce.v),
    })
  }
  if (choice) update()

  // `_showFab` and `_apply` are set below, before any chunk gets the handle.
  const gate = {
    _gateConfig: cfg,
    // The page's URL (location.href) when not loaded by a <script src>.
    _gateUrl: script?.src || doc.URL,
    _gpc: gpc,
    _choice: choice,
  } as GateOwnHandle

  // --- The lazy chunks (the UI, the floating button next to it), each imported by the browser's module map
  // once (parallel calls share the fetch); whether a failed import is fetched again is the browser's
  // (whatwg/html #10327). A failed import is only logged.
  const load =
    <M>(path: string) =>
    (fn: (m: M) => unknown) =>
      import(/* @vite-ignore */ new URL(path, new URL(cfg[GATE.ui], gate._gateUrl)) as never)
        .then(fn as (m: unknown) => unknown)
        .catch(warn)
  const withUi = load<UiModule>(cfg[GATE.ui])
  // An opt-out rule's "Your privacy choices" link shows on every page view, choice or not, whatever the site's
  // floating button setting (the law asks for it): the floating button's chunk draws it instead of the button.
  gate._showFab = () =>
    (model == 'opt-out' || (gate._choice && cfg[GATE.floatingButton] !== false)) &&
    load<FabModule>(__TORII_FAB__)((m) => m._drawFab(gate))
  // Shows a view as soon as the UI is loaded and the body exists (the UI waits for it), config.json fetched in
  // parallel (false when the server is away: the UI then falls back to the gate's config).
  const open = (view: View, invoker?: Element | null) => {
    gate._configJson ||= fetch(new URL('config.json', gate._gateUrl))
      .then((r) => r.json())
      .catch(Boolean)
    withUi((m) => m._open(gate, view, invoker))
  }
  // A decision is needed: the UI and the texts are fetched now, in parallel, before the gate sets up.
  if (inForce.ask) open('banner')
  // A notice rule tells a visitor without a choice what runs (a banner asks instead when something must be asked):
  // its floating button's chunk draws the notice, and fetches the UI chunk only for the visitor to act on it.
  else if (model == 'notice' && !choice) load<NoticeModule>(__TORII_FAB__)((m) => m._open(gate))
  // GPC denies what is undecided without asking (the UI runs it once the gate has set up). Not while the
  // notice is to be shown: a choice landing first would drop it, and `effective` denies what GPC denies
  // without one; the notice's dismissal makes the choice, a later page view the `gpc` receipt.
  else if (inForce.gpc) withUi((m) => m._decideGpc(gate))

  // --- Enforcement of what `inForce` allows: a granted vendor's tag goes through marked with its vendor (the
  // UI reloads if it is revoked later); a tag runs when every purpose it names is granted and its vendor, if
  // named, is granted.
  const revive = createReviver(script?.nonce || '')
  const net = installGuards((el, url) => {
    const vendor = vendorOfUrl(cfg, url)
    if (vendor) return hold(el, vendor, inForce.v[vendor])
  })
  const consider = (el: Element) => {
    const keys = attr(el, 'data-purpose')?.match(/[^\s,]+/g) || []
    const vendor = attr(el, 'data-vendor')
    let ok: unknown = 1
    const need = (flags: Record<string, boolean>, key: string, kind: string) => {
      if (!(key in flags)) warn(`unknown ${kind} "${key}"`)
      ok &&= flags[key]
    }
    for (const key of keys) need(inForce.p, key, 'purpose')
    if (vendor) need(inForce.v, vendor, 'vendor')
    else if (!keys.length) return
    if (ok) revive(el)
    else if (isFrame(el)) withUi((m) => m._showPlaceholder(gate, el))
  }
  // The document's held tags: what is allowed is revived.
  const scan = () => doc.querySelectorAll(INERT_SELECTOR).forEach(consider)
  gate._apply = (next) => {
    gate._choice = next
    inForce = effective(cfg, next, gpc)
    update()
    scan()
  }
  // One script or iframe: auto-blocking first (its URL), then the declarative form.
  const handle = (el: Element) => {
    net(el)
    if (el.matches(INERT_SELECTOR)) consider(el)
  }
  // The net: parser-inserted tags (revived as soon as they are seen), and anything past the guards. Only
  // scripts and iframes are looked at, and descendants only of elements that have children, so parsing
  // a large page costs little.
  new MutationObserver(
    safe((records: MutationRecord[]) => {
      for (const r of records) {
        if (r.attributeName) net(r.target)
        for (const node of r.addedNodes as NodeListOf<Element>)
          if (isTag(node)) handle(node)
          else if (node.firstElementChild) node.querySelectorAll('script,iframe').forEach(handle)
      }
    })
  ).observe(doc.documentElement, { childList: true, subtree: true, attributeFilter: ['src'] })

  // --- The API (`window.torii`, README) and `[data-torii-open]`: what is in force, decisions through the UI
  // chunk. What the choice in force allows, as copies: the page cannot change the gate's.
  const view = (): ChoiceView | null => {
    const choice = gate._choice
    return (
      choice && {
        purposes: { ...inForce.p },
        vendors: { ...inForce.v },
        revision: choice.rev,
        consentId: choice.id,
        decidedAt: new Date(choice.at).toISOString(),
      }
    )
  }
  const decideKeys = (grant: boolean) => (keys: unknown) => withUi((m) => m._decideKeys(gate, keys, grant))
  const api: Record<string, unknown> = {
    v: 1,
    get: view,
    accept: decideKeys(true),
    reject: decideKeys(false),
    show: (invoker?: Element | null) => {
      open('prefs', invoker)
    },
    // Listeners are `torii:<type>` events on window, each call guarded so a throwing listener is only logged.
    on: (type: string, fn: Fn) => {
      const listener = safe((e: Event) => fn((e as CustomEvent).detail as never))
      addEventListener(EVENT_PREFIX + type, listener)
      return () => removeEventListener(EVENT_PREFIX + type, listener)
    },
    // `torii.push([name, ...args])` or `push(fn)`: an unknown call is named in a warning; guarded like the rest.
    push: (item: unknown) => {
      try {
        typeof item == 'function'
          ? item(api)
          : (api[(item as string[])[0]] as Fn)(...(item as never[]).slice(1))
      } catch (e) {
        warn('torii.push(' + item + '): ' + e)
      }
    },
    ready: Promise.resolve(view()),
  }
  window.torii = api as never
  doc.addEventListener('click', (e) => {
    const t = (e.target as Element).closest?.('[data-torii-open]')
    if (t) {
      e.preventDefault()
      open('prefs', t)
    }
  })

  scan()
  // Once the page has loaded, what is not urgent: a returning visitor's floating button (its chunk then never
  // competes with the page's own tags), and receipts queued on an earlier page view. A page's first
  // localStorage read is a synchronous trip to the browser process (4-9 ms here), so it never comes before a
  // banner: the UI looks for them after showing one.
  if (!inForce.ask) {
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
