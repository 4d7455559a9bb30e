/**
 * The gate: the synchronous script first in `<head>`. It sets Consent Mode defaults, holds every tag
 * that needs consent, applies a stored choice at once, and loads the UI chunk only when a decision is
 * needed. Written for bytes: every page view downloads it (see scripts/build.mjs for the minifier
 * settings). What is not needed on every page view lives in lazily loaded chunks: the first layer,
 * decisions (cookie, Consent Mode update, receipt: src/ui/decide.ts), placeholders, the floating button.
 */

import { GATE } from '@torii/schema/gate-config'
import { readConfig } from './config.ts'
import { pushDefaults } from './consent-mode.ts'
import { readChoice } from './cookie.ts'
import * as CTX from './ctx.ts'
import { attr, doc, isFrame, isTag } from './dom.ts'
import { installGuards } from './guards.ts'
import { hold } from './hold.ts'
import { vendorOfUrl } from './hosts.ts'
import { createReviver } from './revive.ts'
import { effective, isExpired } from './rules.ts'
import type { ChoiceView, FabModule, UiContext, UiModule, View } from './types.ts'
import { warn } from './warn.ts'

/** The floating button's chunk, next to the UI chunk (its file name, set by scripts/build.mjs). */
declare const __TORII_FAB__: string

type Fn = (...args: never[]) => unknown
const INERT = 'script[type="text/plain"],iframe[data-src]'

/** Wraps an entry point so nothing it does can throw into the host page (what it returns is dropped). */
const safe =
  <F extends Fn>(fn: F) =>
  (...args: Parameters<F>): void => {
    try {
      fn(...args)
    } catch (e) {
      warn(e)
    }
  }

function boot() {
  const w = window as unknown as { torii?: unknown[] & { v?: 1 } }
  const queued = w.torii
  // Loaded twice: the first gate is in charge. Recognised by the API's undocumented `v`, not by a documented
  // name (a page's queue stub may carry its own `ready`), and gates of earlier builds look for `v` too.
  if (queued?.v) return

  const script = doc.currentScript as HTMLScriptElement | null
  const base = script?.src || doc.URL // the page's URL (location.href)
  const cfg = readConfig()
  const gpc = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl == true
  let choice = readChoice(doc.cookie)
  if (choice && isExpired(cfg, choice, Date.now())) choice = null
  // What is in force; the UI chunk updates it in place when the visitor decides.
  const state = effective(cfg, choice, gpc)

  // GCM-01: defaults before anything else; GCM-05: the stored choice as early as possible, before any tag.
  pushDefaults(cfg, choice && state.p)

  // Lazy chunks (the UI, the floating button next to it). The browser's module map imports each once
  // (parallel calls share the fetch); whether a failed import is fetched again is the browser's (whatwg/html
  // #10327), as it was with a cache here: import() of the same URL again.
  const load =
    <M>(path: string) =>
    (fn: (m: M) => unknown) =>
      import(/* @vite-ignore */ new URL(path, new URL(cfg[GATE.ui], base)) as never)
        .then(fn as (m: unknown) => unknown)
        .catch(warn)
  const withUi = load<UiModule>(cfg[GATE.ui])
  let config: Promise<unknown> | undefined
  // Resolves false when the server is away (`Boolean` as a no-op): the UI then falls back to the gate's config.
  const fetchConfig = () =>
    (config ||= fetch(new URL('config.json', base))
      .then((r) => r.json())
      .catch(Boolean))
  // Shown as soon as the UI is loaded and the body exists (the UI waits for it).
  const open = (next: View, invoker?: Element | null) => {
    fetchConfig()
    withUi((m) => m.o(ctx, next, invoker))
  }
  // A decision is needed: the UI and the texts are fetched now, in parallel, before the gate sets up.
  if (state.ask) open('banner')

  const revive = createReviver(script?.nonce || '')
  // A granted vendor's tag goes through marked with its vendor (the UI reloads if it is revoked later).
  const net = installGuards((el, url) => {
    const vendor = vendorOfUrl(cfg, url)
    if (vendor) return hold(el, vendor, state.v[vendor])
  })
  // A tag runs when every purpose it names is granted and its vendor, if named, is granted.
  const consider = (el: Element) => {
    const keys = attr(el, 'data-purpose')?.match(/[^\s,]+/g) || []
    const vendor = attr(el, 'data-vendor')
    let ok: unknown = 1
    const need = (map: Record<string, boolean>, key: string, kind: string) => {
      if (!(key in map)) warn(`unknown ${kind} "${key}"`)
      ok &&= map[key]
    }
    for (const key of keys) need(state.p, key, 'purpose')
    if (vendor) need(state.v, vendor, 'vendor')
    else if (!keys.length) return
    if (ok) revive(el)
    else if (isFrame(el)) withUi((m) => m.p(ctx, el))
  }
  const scan = () => doc.querySelectorAll(INERT).forEach(consider)
  // One script or iframe: auto-blocking first (its URL), then the declarative form.
  const handle = (el: Element) => {
    net(el)
    if (el.matches(INERT)) consider(el)
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

  const view = (): ChoiceView | null => {
    const c = ctx[CTX.choice]
    return (
      c && {
        purposes: { ...state.p },
        vendors: { ...state.v },
        revision: c.rev,
        consentId: c.id,
        decidedAt: new Date(c.at).toISOString(),
      }
    )
  }
  // In CTX's order: cfg, base, gpc, choice, state, config, get, scan, fab, show (tsc checks each against
  // UiContext, declared by those indexes).
  const ctx: UiContext = [
    cfg,
    base,
    gpc,
    choice,
    state,
    fetchConfig,
    view,
    scan,
    () =>
      ctx[CTX.choice] &&
      cfg[GATE.floatingButton] !== false &&
      load<FabModule>(__TORII_FAB__)((m) => m.f(ctx)),
    (invoker) => open('prefs', invoker),
  ]

  const decideKeys = (grant: boolean) => (keys: unknown) => withUi((m) => m.k(ctx, keys, grant))
  const api: Record<string, unknown> = {
    v: 1,
    get: view,
    accept: decideKeys(true),
    reject: decideKeys(false),
    show: ctx[CTX.show],
    // Listeners are `torii:<type>` events on window, each call guarded so a throwing listener is only logged.
    on: (type: string, fn: Fn) => {
      const listener = (e: Event) => safe(fn)((e as CustomEvent).detail as never)
      addEventListener('torii:' + type, listener)
      return () => removeEventListener('torii:' + type, listener)
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
  w.torii = api as never

  doc.addEventListener('click', (e) => {
    const t = (e.target as Element).closest?.('[data-torii-open]')
    if (t) {
      e.preventDefault()
      ctx[CTX.show](t)
    }
  })
  scan()
  // GPC denies what is undecided without asking. Once the page has loaded, what is not urgent: a returning
  // visitor's floating button (its chunk then never competes with the page's own tags), and receipts
  // queued on an earlier page view. A page's first localStorage read is a synchronous trip to the browser
  // process (4-9 ms here), so it never comes before a banner: the UI looks for them after showing one.
  if (!state.ask) {
    if (state.gpc) withUi((m) => m.g(ctx))
    addEventListener('load', () => {
      ctx[CTX.fab]()
      try {
        if (localStorage['torii:outbox']) withUi((m) => m.f())
      } catch {}
    })
  }
  queued?.forEach?.(api.push as (item: unknown) => void)
}

safe(boot)()
