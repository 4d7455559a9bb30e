/**
 * The gate: the synchronous script first in `<head>`. It sets Consent Mode defaults, holds every tag
 * that needs consent, applies a stored choice at once, and loads the UI chunk only when a decision is
 * needed (which also writes the cookie and records the receipt). Written for bytes: every page view
 * downloads it (see scripts/build.mjs for the minifier settings).
 */
import { normalizeConfig } from './config.ts'
import { pushDefaults, pushUpdate } from './consent-mode.ts'
import { readChoice } from './cookie.ts'
import { attr, doc, isFrame, isScript, onBody } from './dom.ts'
import { installGuards } from './guards.ts'
import { HELD, hold } from './hold.ts'
import { floatingButton, shadowRoot } from './host.ts'
import { vendorOfUrl } from './hosts.ts'
import { pickLanguage } from './language.ts'
import { createReviver } from './revive.ts'
import { effective, isExpired, undecided } from './rules.ts'
import type { ChoiceView, UiContext, UiModule, View } from './types.ts'
import { warn } from './warn.ts'

declare const __TORII_CONFIG__: unknown

type Fn = (...args: never[]) => unknown
const INERT = 'script[type="text/plain"],iframe[data-src]'
const noop = () => {}

/** Wraps an entry point so nothing it does can throw into the host page. */
const safe =
  <F extends Fn>(fn: F) =>
  (...args: Parameters<F>) => {
    try {
      return fn(...args) as ReturnType<F>
    } catch (e) {
      warn('error: ' + e)
    }
  }

function boot() {
  const w = window as unknown as { torii?: unknown[] & { v?: 1 } }
  const queued = w.torii
  if (queued?.v) return // loaded twice: the first gate is in charge

  const script = doc.currentScript as HTMLScriptElement | null
  const base = script?.src || location.href
  let raw: unknown
  try {
    raw = __TORII_CONFIG__
  } catch {}
  const cfg = normalizeConfig(raw)
  const gpc = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl == true
  const lang = pickLanguage(cfg.languages, cfg.defaultLanguage)
  let choice = readChoice()
  if (choice && isExpired(cfg, choice, Date.now())) choice = null
  let state = effective(cfg, choice, gpc)
  const ran: Record<string, 1> = {}

  // GCM-01: defaults before anything else; GCM-05: the stored choice as early as possible, before any tag.
  pushDefaults(cfg, effective(cfg, null, gpc).p)
  if (choice) pushUpdate(cfg, state.p)

  // The UI chunk: loaded only to ask, to show preferences, or to make a decision.
  let ui: Promise<UiModule> | undefined
  let config: Promise<unknown> | undefined
  const withUi = (fn: (m: UiModule) => unknown) =>
    (ui ||= import(/* @vite-ignore */ new URL(cfg.ui, base).href).catch((e) => {
      ui = undefined
      warn('could not load the consent UI: ' + e)
      throw e
    }))
      .then(fn)
      .catch(noop)
  const fetchConfig = () => (config ||= fetch(new URL('config.json', base)).then((r) => r.json()))
  // A decision is needed: fetch the UI and the texts now, in parallel, while the gate still sets up.
  const need = undecided(cfg, choice, gpc)
  if (need.ask) {
    fetchConfig().catch(noop)
    withUi(noop)
  }

  const keysOf = (el: Element) => (attr(el, 'data-purpose') || '').split(/[\s,]+/).filter(Boolean)
  const vendorOf = (el: Element) => attr(el, 'data-vendor')
  const revive = createReviver(script?.nonce || '', (el) => {
    for (const key of keysOf(el).concat(vendorOf(el) || [])) ran[key] = 1
  })
  const checkUrl = (el: Element, url: string) => {
    const vendor = vendorOfUrl(cfg, url)
    if (vendor) return state.v[vendor] ? !(ran[vendor] = 1) : hold(el, vendor, url)
  }
  const consider = (el: Element) => {
    const src = attr(el, 'src')
    if (src && (isScript(el) || isFrame(el)) && !el.hasAttribute(HELD)) checkUrl(el, src)
    const keys = keysOf(el)
    const vendor = vendorOf(el)
    if (!el.matches(INERT) || !(keys.length || vendor)) return
    // A tag runs when every purpose it names is granted and its vendor, if named, is granted.
    let ok = true
    for (const key of keys) {
      if (!(key in state.p)) warn('unknown purpose "' + key + '" in data-purpose')
      ok &&= state.p[key]
    }
    if (vendor && !(vendor in state.v)) warn('unknown vendor "' + vendor + '" in data-vendor')
    if (ok && (!vendor || state.v[vendor])) {
      const stand = el.previousElementSibling
      if (stand?.className == 'torii-placeholder') {
        stand.remove()
        ;(el as HTMLElement).hidden = false
      }
      revive(el)
    } else if (isFrame(el)) {
      const allow = vendor ? [vendor] : keys
      withUi((m) => m.placeholder(ctx, el, allow, () => (api.accept as Fn)(allow as never)))
    }
  }
  const scan = () => doc.querySelectorAll(INERT).forEach(consider)

  installGuards(checkUrl)
  // The net: parser-inserted tags, and anything that slipped past the guards.
  new MutationObserver(
    safe((records: MutationRecord[]) => {
      for (const r of records) {
        if (r.attributeName) consider(r.target as Element)
        for (const node of r.addedNodes)
          if (node instanceof Element) {
            consider(node)
            node.querySelectorAll('script,iframe').forEach(consider)
          }
      }
    })
  ).observe(doc.documentElement, { childList: true, subtree: true, attributeFilter: ['src'] })

  const view = (): ChoiceView | null =>
    choice && {
      purposes: { ...state.p },
      vendors: { ...state.v },
      revision: choice.rev,
      consentId: choice.id,
      decidedAt: new Date(choice.at).toISOString(),
    }
  const fab = () => onBody(() => floatingButton(lang, !!choice && cfg.options.floatingButton, showPrefs))

  const ctx: UiContext = {
    cfg,
    base,
    lang,
    gpc,
    ran,
    get root() {
      return shadowRoot()
    },
    choice: () => choice,
    apply(next) {
      const before = state
      choice = next
      state = effective(cfg, choice, gpc)
      pushUpdate(cfg, state.p)
      scan()
      dispatchEvent(new CustomEvent('torii:change', { detail: view() }))
      fab()
      return before
    },
    config: fetchConfig,
    closed: fab,
  }

  const open = safe((next: View, invoker?: Element | null) => {
    fetchConfig().catch(noop)
    withUi(noop)
    onBody(() => {
      floatingButton(lang, false, showPrefs)
      withUi((m) => m.open(ctx, next, invoker))
    })
  })
  const showPrefs = (invoker?: Element | null) => open('prefs', invoker)
  const byKeys = (grant: boolean) => (keys: string | string[]) =>
    withUi((m) => m.decideKeys(ctx, keys == 'all' ? keys : ([] as string[]).concat(keys), grant))

  const api: Record<string, unknown> = {
    v: 1,
    get: view,
    accept: byKeys(true),
    reject: byKeys(false),
    show: showPrefs,
    // Listeners are `torii:<type>` events on window, each call guarded so a throwing listener is only logged.
    on: (type: string, fn: Fn) => {
      const listener = (e: Event) => safe(fn)((e as CustomEvent).detail as never)
      addEventListener('torii:' + type, listener)
      return () => removeEventListener('torii:' + type, listener)
    },
    push: (item: unknown) =>
      typeof item == 'function'
        ? item(api)
        : (api[(item as string[])[0]] as Fn)(...((item as never[]).slice(1) as never[])),
  }
  for (const k in api) if (typeof api[k] == 'function') api[k] = safe(api[k] as Fn)
  api.ready = Promise.resolve().then(view)
  w.torii = api as never

  doc.addEventListener('click', (e) => {
    const t = (e.target as Element).closest?.('[data-torii-open]')
    if (t) {
      e.preventDefault()
      showPrefs(t)
    }
  })
  scan()
  doc.addEventListener('DOMContentLoaded', scan)

  if (need.ask) open('banner')
  else if (need.gpc) withUi((m) => m.decideKeys(ctx, null, false))
  else fab()
  try {
    if (localStorage['torii:outbox']) withUi((m) => m.flush())
  } catch {}
  if (Array.isArray(queued)) queued.forEach(api.push as (item: unknown) => void)
}

safe(boot)()
