/**
 * The UI chunk, loaded by the gate only when a decision is needed, on `torii.show()`, or to record a
 * receipt: the first layer in plain DOM in the open shadow root of `<torii-consent>`, the decision code
 * (cookie, Consent Mode update, receipt, IndexedDB mirror). The preferences dialog (Preact) is a chunk
 * of its own, fetched when the visitor opens it.
 */
import type { Revision } from '@torii/schema/revision'
import type { SiteConfig } from '@torii/schema/site-config'
import { undecided } from '../gate/rules.ts'
import type { GateConfig, UiContext, View } from '../gate/types.ts'
import { decideKeys as byKeys, decide } from './decide.ts'
import { sheetFor } from './look.ts'
import { textsFor } from './texts/index.ts'
import { createView } from './view.ts'

export { showPlaceholder as placeholder } from './placeholder.ts'
export { flush } from './receipt.ts'

const STATUS_MS = 5000
let view: Promise<ReturnType<typeof createView>> | undefined
let shown: ReturnType<typeof createView> | undefined

/** Without config.json (server away), the UI still works from the gate's config and built-in texts. */
const fallbackConfig = (cfg: GateConfig) =>
  ({
    ...cfg,
    texts: {},
    purposes: cfg.purposes.map((p) => ({ ...p, name: { [cfg.defaultLanguage]: p.key } })),
    vendors: cfg.vendors.map((v) => ({ ...v, name: v.name || v.key, cookies: [] })),
    look: {
      layout: 'bar',
      colors: { background: '#fff', text: '#1f2328', accent: '#b3261e', accentText: '#fff' },
    },
  }) as unknown as SiteConfig

async function createFor(ctx: UiContext) {
  let config: SiteConfig
  try {
    config = ((await ctx.config()) as Revision).config
    if (!config?.purposes) throw 0
  } catch {
    config = fallbackConfig(ctx.cfg)
  }
  const root = ctx.root
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheetFor(config.look)]
  const ui = createView({
    config,
    lang: ctx.lang,
    gpc: ctx.gpc,
    choice: ctx.choice,
    ask: () => undecided(ctx.cfg, ctx.choice(), ctx.gpc).ask,
    loadPrefs: () => import('./prefs.tsx'),
    closed: ctx.closed,
    decide(decision) {
      ui.status(textsFor(config, ctx.lang).saved)
      ui.show(null)
      ui.refocus()
      decide(ctx, decision).catch(() => {})
      setTimeout(() => ui.status(''), STATUS_MS)
    },
  })
  root.appendChild(ui.el)
  return (shown = ui)
}

/** Opens the first layer or the preferences; `invoker` gets focus back when the preferences close. */
export async function open(ctx: UiContext, next: View, from?: Element | null): Promise<void> {
  const ui = await (view ||= createFor(ctx))
  ui.show(next, from)
}

/** `torii.accept` / `torii.reject` / GPC: decides, and closes the UI if it is open. */
export function decideKeys(ctx: UiContext, keys: string[] | 'all' | null, grant: boolean): Promise<void> {
  close()
  return byKeys(ctx, keys, grant)
}

/** Closes whatever is open. */
export function close(): void {
  shown?.close()
}
