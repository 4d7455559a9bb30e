/**
 * The UI chunk, loaded by the gate only when a decision is needed, on `torii.show()`, or to record a
 * receipt. Preact in the open shadow root of `<torii-consent>`.
 */
import type { Revision } from '@torii/schema/revision'
import type { SiteConfig } from '@torii/schema/site-config'
import { render } from 'preact'
import { undecided } from '../gate/rules.ts'
import type { GateConfig, UiContext, View } from '../gate/types.ts'
import { App, type AppProps } from './app.tsx'
import { decideKeys as byKeys, decide } from './decide.ts'
import { sheetFor } from './look.ts'
import { textsFor } from './texts/index.ts'

export { showPlaceholder as placeholder } from './placeholder.ts'
export { flush } from './receipt.ts'

const STATUS_MS = 5000
let container: HTMLElement | undefined
let props: AppProps | undefined
let invoker: Element | null | undefined
let ctxRef: UiContext | undefined

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

const draw = () => render(<App {...props!} />, container!)

function focusInvoker() {
  if (invoker && (invoker as HTMLElement).isConnected) (invoker as HTMLElement).focus()
}

function show(view: View | null, from?: Element | null, vendors?: boolean) {
  const ctx = ctxRef!
  const was = props!.view
  if (view == 'prefs' && was != 'prefs') {
    invoker = from || (ctx.root.activeElement ?? document.activeElement)
    props!.opened++
  }
  props!.view = view
  props!.vendors = vendors
  props!.choice = ctx.choice()
  props!.ask = undecided(ctx.cfg, props!.choice, ctx.gpc).ask
  draw()
  if (was == 'prefs' && view != 'prefs') focusInvoker()
  if (!view) ctx.closed()
}

/** Opens the first layer or the preferences; `invoker` gets focus back when the preferences close. */
export async function open(ctx: UiContext, view: View, from?: Element | null): Promise<void> {
  ctxRef = ctx
  let config: SiteConfig
  try {
    config = ((await ctx.config()) as Revision).config
    if (!config?.purposes) throw 0
  } catch {
    config = fallbackConfig(ctx.cfg)
  }
  if (!container) {
    const root = ctx.root
    container = document.createElement('div')
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheetFor(config.look)]
    root.appendChild(container)
    props = {
      config,
      lang: ctx.lang,
      gpc: ctx.gpc,
      choice: null,
      ask: true,
      view: null,
      opened: 0,
      status: '',
      show,
      decide(decision) {
        props!.status = textsFor(config, ctx.lang).saved
        show(null)
        focusInvoker()
        decide(ctx, decision).catch(() => {})
        setTimeout(() => {
          props!.status = ''
          draw()
        }, STATUS_MS)
      },
    }
  }
  show(view, from)
}

/** `torii.accept` / `torii.reject` / GPC: decides, and closes the UI if it is open. */
export function decideKeys(ctx: UiContext, keys: string[] | 'all' | null, grant: boolean): Promise<void> {
  close()
  return byKeys(ctx, keys, grant)
}

/** Closes whatever is open. */
export function close(): void {
  if (props?.view) {
    props.view = null
    draw()
  }
}
