/**
 * The notice as a notice-model region's first visitor gets it, without the UI chunk: the notice gate's
 * floating button chunk (a build of its own, the floating button's with this), which that gate loads instead
 * of the UI chunk to show the notice. The visitor only reads the notice, so the first visit downloads the
 * gate, this and config.json; the UI chunk (first layer, decision code) is fetched once the page has loaded
 * or the visitor heads for a button, and takes over when one is pressed: it draws its own notice
 * (src/ui/notice.ts, the same builder) where this one was and gets the press.
 */
import { GATE } from '@torii/schema/gate-config'
import type { GateHandle, UiModule } from '../shared/contract.ts'
import { keepClear } from './clear-bar.ts'
import { tag } from './dom.ts'
import { _drawFab } from './fab.ts'
import { bodyExists, shadowRoot } from './host.ts'
import { sheetFor } from './look.ts'
import { _noticeLayer as noticeLayer } from './notice.ts'
import { afterPaint, siteConfig } from './site.ts'
import { textsFor } from './texts/index.ts'
import { loadTexts } from './texts/load.ts'

/** The UI chunk, resolved as the gate resolves it; imported once (the browser's module map). */
const uiChunk = (gate: GateHandle) =>
  import(/* @vite-ignore */ new URL(gate._gateConfig[GATE.ui], gate._gateUrl).href) as Promise<UiModule>

const failed = (e: unknown) => console.warn('[torii] ' + e)

/** Shows the notice as the UI chunk's `_open(gate, 'notice')` would, once the body exists. */
async function open(gate: GateHandle): Promise<void> {
  const config = await siteConfig(gate)
  const lang = gate._chunks!.lang! // picked by siteConfig
  const t = textsFor(config, lang, await loadTexts(lang))
  await bodyExists()
  const root = shadowRoot(gate)
  // The UI chunk came first (page script decided, or opened the preferences): it shows what is due.
  if (gate._choice || root.querySelector('.root')) return
  root.host.setAttribute('lang', lang)
  const sheet = sheetFor(config.look)
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  const prefetch = () => void uiChunk(gate).catch(failed)
  /** The UI chunk shows its notice in this one's place and gets the press of the button `action`. */
  const handOver = (action: string) =>
    uiChunk(gate)
      .then(async (m) => {
        // Its own keeps the page clear from now on, measured without this one's padding.
        keepClear(null)
        await m._open(gate, 'notice')
        el.remove()
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s != sheet)
        root.querySelector<HTMLElement>(`.notice [data-torii-action="${action}"]`)?.click()
      })
      .catch(failed)
  const notice = noticeLayer(
    {
      config,
      lang,
      t,
      decide: () => handOver('close'),
      customize: () => handOver('customize'),
      prefetch,
    },
    gate._gateUrl
  )
  const el = root.appendChild(tag('div', { class: 'root', lang, dir: 'auto' }, notice))
  keepClear(notice)
  // Once the page has loaded, the UI chunk is fetched: a tap (no hover to start it) then waits for nothing.
  if (document.readyState == 'complete') afterPaint(prefetch)
  else addEventListener('load', () => afterPaint(prefetch))
}

// What the notice gate calls (`NoticeModule` and `FabModule`, src/shared/contract.ts): the build gives each
// its short name.
export { _drawFab, open as _open }
