/**
 * The UI chunk, loaded by the gate only when a decision is needed, on `torii.show()`, or to record a
 * receipt: the first layer in plain DOM in the open shadow root of `<torii-consent>`, the decision code
 * (cookie, Consent Mode update, receipt, IndexedDB mirror). The preferences dialog (Preact) is a chunk
 * of its own, fetched when the visitor opens it.
 */
import * as CTX from '../gate/ctx.ts'
import type { UiContext, View } from '../gate/types.ts'
import { keepClear } from './clear-bar.ts'
import { decideKeys as byKeys, decide, decideGpc, knownKeys } from './decide.ts'
import { firstTab } from './first-tab.ts'
import { sheetFor } from './look.ts'
import { flush, flushQueued } from './receipt.ts'
import { afterPaint, siteConfig } from './site.ts'
import { standIns } from './stand-ins.ts'
import { loadHistory } from './store.ts'
import { textsFor } from './texts/index.ts'
import { createView } from './view.ts'

const STATUS_MS = 5000
let view: Promise<ReturnType<typeof createView>> | undefined
let shown: ReturnType<typeof createView> | undefined

async function createFor(ctx: UiContext) {
  const config = await siteConfig(ctx)
  const lang = ctx[CTX.lang] || '' // picked by siteConfig
  const root = shadowRoot(ctx)
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheetFor(config.look)]
  const ui = createView({
    config,
    lang,
    gpc: ctx[CTX.gpc],
    choice: () => ctx[CTX.choice],
    ask: () => !!ctx[CTX.state].ask,
    loadPrefs: () => import('./prefs.tsx'),
    closed: () => toggleFab(ctx, false),
    layer(el) {
      keepClear(el)
      firstTab(el)
    },
    record: async () => {
      const id = ctx[CTX.choice]?.id
      const acked = (await loadHistory()).filter((e) => e.ack && e.input.consentId == id).pop()
      return acked && new URL(acked.ack!.proofUrl, ctx[CTX.base]).href
    },
    decide(decision) {
      ui.status(textsFor(config, lang).saved)
      ui.close()
      decide(ctx, decision).catch(() => {})
      // The focused button is gone: focus goes back to the control that opened the preferences, else the
      // floating button once its chunk has shown it (ctx[CTX.fab]() passes on the gate's import promise), else
      // where it was before the banner took it; unless the visitor has moved it since.
      Promise.resolve(ctx[CTX.fab]() as unknown).then(() => {
        const at = document.activeElement
        if (!at || at == document.body) ui.refocus(shadowRoot(ctx).getElementById('torii-fab'))
      })
      setTimeout(() => ui.status(''), STATUS_MS)
    },
  })
  root.appendChild(ui.el)
  return (shown = ui)
}

/**
 * The open shadow root of `<torii-consent>`, made once (src/ui/fab.ts makes it the same way), at the end
 * of <body>: src/ui/first-tab.ts brings keyboard users to the banner first.
 */
function shadowRoot(ctx: UiContext): ShadowRoot {
  if (!ctx[CTX.root]) {
    const host = document.body.appendChild(document.createElement('torii-consent'))
    ctx[CTX.root] = host.attachShadow({ mode: 'open' })
    // Made while the page is still parsing (before its skip link, even): back to the end of <body> once
    // parsing is done, with focus kept where it was inside. Also when it went with content a page script
    // replaced meanwhile (`body.innerHTML = ...`): before, such a page got its banner at DOMContentLoaded.
    document.addEventListener('DOMContentLoaded', () => {
      if (host.nextSibling || !host.isConnected) {
        const root = ctx[CTX.root]!
        const at = root.activeElement as HTMLElement | null
        // Laid out anew once moved: what the visitor scrolled (the preferences dialog) would start at its top.
        const scrolled = [...root.querySelectorAll('*')].map((el) => [el, el.scrollTop] as const)
        document.body.append(host)
        at?.focus({ preventScroll: true })
        for (const [el, top] of scrolled) if (top) el.scrollTop = top
      }
    })
  }
  return ctx[CTX.root]
}

/**
 * Resolves once <body> exists: the gate may load the UI from <head>, and DOMContentLoaded comes only after
 * the whole page is parsed, its blocking scripts and deferred ones run.
 */
const bodyExists = () =>
  new Promise((ready) => {
    if (document.body) ready(0)
    else {
      // Only <html>'s own children are watched, and only until <body> is there.
      const watch = new MutationObserver(() => {
        if (document.body) {
          watch.disconnect()
          ready(0)
        }
      })
      watch.observe(document.documentElement, { childList: true })
    }
  })

/** Shows the "allow <vendor>" stand-in of a blocked iframe. */
const placeholder = (ctx: UiContext, frame: Element): Promise<void> =>
  Promise.all([siteConfig(ctx), import('./placeholder.ts')]).then(([config, m]) => {
    const allow = (keys: string[]) => byKeys(ctx, keys, true).catch(() => {})
    const box = !standIns.has(frame) && m.showPlaceholder(config, ctx[CTX.lang] || '', frame, allow)
    if (box) standIns.set(frame, box)
  })

/**
 * The floating button (src/ui/fab.ts, a chunk of its own) hides while the UI is open, and shows again at
 * once when it closes (focus returns to it).
 */
function toggleFab(ctx: UiContext, hidden: boolean) {
  const fab = shadowRoot(ctx).getElementById('torii-fab')
  if (fab) fab.hidden = hidden
  if (!hidden) ctx[CTX.fab]()
}

/** Opens the first layer or the preferences; `invoker` gets focus back when the preferences close. */
async function open(ctx: UiContext, next: View, from?: Element | null): Promise<void> {
  await bodyExists()
  toggleFab(ctx, true)
  const ui = await (view ||= createFor(ctx))
  ui.show(next, from)
  // Receipts queued on an earlier page view: the gate looks for them only when it shows no banner.
  afterPaint(flushQueued)
}

/**
 * `torii.accept` / `torii.reject`: decides the known keys, and closes the UI if it is open. The receipt names the visitor's
 * language, picked from the site's languages (config.json) first.
 */
async function decideKeys(ctx: UiContext, keys: unknown, grant: boolean): Promise<void> {
  const known = knownKeys(ctx, keys, grant)
  if (!known) return // nothing decided: the banner, if shown, stays
  close()
  await siteConfig(ctx)
  return byKeys(ctx, known, grant)
}

/** GPC's own decision for a returning visitor with something undecided (see decideGpc), without the UI. */
async function gpc(ctx: UiContext): Promise<void> {
  await siteConfig(ctx)
  return decideGpc(ctx)
}

/** Closes whatever is open. */
function close(): void {
  shown?.close()
}

// One letter each: the gate names them on every page view (see UiModule).
export { close as c, decideKeys as k, flush as f, gpc as g, open as o, placeholder as p }
