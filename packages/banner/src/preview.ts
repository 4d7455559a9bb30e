/**
 * The admin's live preview: the real UI in `host`'s shadow root, for a draft config, with no cookie and
 * no receipt. Returns an unmount function.
 */
import type { SiteConfig } from '@torii/schema/site-config'
import { h, render } from 'preact'
import type { View } from './gate/types.ts'
import { App } from './ui/app.tsx'
import { sheetFor } from './ui/look.ts'
import { textsFor } from './ui/texts/index.ts'

/** `:host` contains the UI's fixed positioning, so it shows inside the preview box, not over the admin. */
const CONTAIN =
  ':host{display:block;position:relative;transform:translateZ(0);overflow:hidden;min-height:360px}'

/** Mounts the real banner UI for `config` in `language` inside `host`. */
export function mountPreview(host: HTMLElement, config: SiteConfig, language: string): () => void {
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' })
  const contain = new CSSStyleSheet()
  contain.replaceSync(CONTAIN)
  root.adoptedStyleSheets = [contain, sheetFor(config.look)]
  const el = document.createElement('div')
  root.appendChild(el)
  let view: View | null = 'banner'
  let opened = 0
  let status = ''
  const draw = () =>
    render(
      h(App, {
        config,
        lang: language,
        gpc: false,
        choice: null,
        ask: true,
        view,
        opened,
        status,
        decide() {
          view = 'banner'
          status = textsFor(config, language).saved
          draw()
        },
        show(next) {
          if (next == 'prefs' && view != 'prefs') opened++
          view = next || 'banner'
          status = ''
          draw()
        },
      }),
      el
    )
  draw()
  return () => {
    render(null, el)
    el.remove()
  }
}
