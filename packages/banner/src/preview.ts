/**
 * The admin's live preview: the real UI (first layer and preferences) in `host`'s shadow root, for a
 * draft config, with no cookie and no receipt. Returns an unmount function.
 */
import type { SiteConfig } from '@torii/schema/site-config'
import { sheetFor } from './ui/look.ts'
import * as prefs from './ui/prefs.tsx'
import { textsFor } from './ui/texts/index.ts'
import { createView } from './ui/view.ts'

/** `:host` contains the UI's fixed positioning, so it shows inside the preview box, not over the admin. */
const CONTAIN =
  ':host{display:block;position:relative;transform:translateZ(0);overflow:hidden;min-height:360px}'

/** Mounts the real banner UI for `config` in `language` inside `host`. */
export function mountPreview(host: HTMLElement, config: SiteConfig, language: string): () => void {
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' })
  const contain = new CSSStyleSheet()
  contain.replaceSync(CONTAIN)
  root.adoptedStyleSheets = [contain, sheetFor(config.look)]
  const ui = createView({
    config,
    lang: language,
    gpc: false,
    choice: () => null,
    ask: () => true,
    // The admin bundles the preferences with the preview: no second fetch.
    loadPrefs: () => Promise.resolve(prefs),
    rest: 'banner',
    decide() {
      ui.show('banner')
      ui.status(textsFor(config, language).saved)
    },
  })
  root.appendChild(ui.el)
  ui.show('banner')
  return () => {
    ui.close()
    ui.el.remove()
  }
}
