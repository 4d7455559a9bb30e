/**
 * The admin's live preview: the real UI (first layer and preferences) in `host`'s shadow root, for a
 * draft config, with no cookie and no receipt. Returns an unmount function.
 */
import type { SiteConfig } from '@torii/schema/site-config'
import { sheetFor } from './ui/look.ts'
import * as prefs from './ui/prefs.tsx'
import { type LanguageTexts, textsFor } from './ui/texts/index.ts'
import { CHUNKED_LANGUAGES, textsLanguage } from './ui/texts/languages.ts'
import { createView } from './ui/view.ts'

/** `:host` contains the UI's fixed positioning, so it shows inside the preview box, not over the admin. */
const CONTAIN =
  ':host{display:block;position:relative;transform:translateZ(0);overflow:hidden;min-height:360px}'

/**
 * `language`'s built-in texts when they are a chunk of their own: the admin's bundler makes each one a
 * chunk too (a dynamic import with the code in its path), fetched when the preview first shows it.
 */
function chunkTexts(language: string): Promise<LanguageTexts> | undefined {
  const code = textsLanguage(language)
  if (code && CHUNKED_LANGUAGES.includes(code))
    return import(`./ui/texts/chunks/${code}.ts`).then((m: { default: LanguageTexts }) => m.default)
}

/**
 * Mounts the real banner UI for `config` in `language` inside `host`; at once, or once the language's
 * built-in texts are in when they are a chunk of their own (English if that fails).
 */
export function mountPreview(host: HTMLElement, config: SiteConfig, language: string): () => void {
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' })
  const contain = new CSSStyleSheet()
  contain.replaceSync(CONTAIN)
  root.adoptedStyleSheets = [contain, sheetFor(config.look)]
  let unmount = () => {}
  let gone = false
  const mount = (chunk?: LanguageTexts) => {
    if (!gone) unmount = mountView(root, config, language, chunk)
  }
  const loading = chunkTexts(language)
  if (loading)
    loading.then(mount, (e) => {
      console.warn(`[torii] the ${language} texts did not load, English is shown: ${e}`)
      mount()
    })
  else mount()
  return () => {
    gone = true
    unmount()
  }
}

function mountView(root: ShadowRoot, config: SiteConfig, language: string, chunk?: LanguageTexts) {
  const t = textsFor(config, language, chunk)
  const ui = createView({
    config,
    lang: language,
    t,
    gpc: false,
    choice: () => null,
    ask: () => true,
    // The admin bundles the preferences with the preview: no second fetch.
    loadPrefs: () => Promise.resolve(prefs),
    rest: 'banner',
    decide() {
      ui.show('banner')
      ui.status(t.saved)
    },
  })
  root.appendChild(ui.el)
  ui.show('banner')
  return () => {
    ui.close()
    ui.el.remove()
  }
}
