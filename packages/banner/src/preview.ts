/**
 * The admin's live preview: the real UI (first layer, notice, privacy-choices link and preferences) in
 * `host`'s shadow root, for a draft config, with no cookie and no receipt. Returns an unmount function.
 */
import { toGateConfig } from '@torii/schema/gate-config'
import type { RegionRule } from '@torii/schema/regions/region-rules'
import type { Revision } from '@torii/schema/revision'
import type { SiteConfig } from '@torii/schema/site-config'
import { normalizeConfig } from './gate/config.ts'
import { effective } from './gate/rules.ts'
import type { View } from './shared/contract.ts'
import { sheetFor } from './ui/look.ts'
import { _noticeLayer as noticeLayer } from './ui/notice.ts'
import * as prefs from './ui/prefs.tsx'
import { privacyLink } from './ui/privacy-link.ts'
import { type LanguageTexts, textsFor } from './ui/texts/index.ts'
import { CHUNKED_LANGUAGES, textsLanguage } from './ui/texts/languages.ts'
import { privacyChoicesTexts } from './ui/texts/privacy-choices.ts'
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
 * Mounts the real banner UI for `config` in `language` inside `host`, as a first visitor under `rule` sees it
 * (none: opt-in, as a site without regions): the banner, the notice, or the privacy-choices link; at once, or
 * once the language's built-in texts are in when they are a chunk of their own (English if that fails).
 */
export function mountPreview(
  host: HTMLElement,
  config: SiteConfig,
  language: string,
  rule?: RegionRule
): () => void {
  const root = host.shadowRoot || host.attachShadow({ mode: 'open' })
  const contain = new CSSStyleSheet()
  contain.replaceSync(CONTAIN)
  root.adoptedStyleSheets = [contain, sheetFor(config.look)]
  let unmount = () => {}
  let gone = false
  const mount = (chunk?: LanguageTexts) => {
    if (!gone) unmount = mountView(root, config, language, rule, chunk)
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

/**
 * What a first visitor under `rule` has in force (the gate's own rule, `effective`, for the draft's gate
 * config), and what the UI shows them first: the banner when it must ask, else the notice or the link.
 */
function firstVisit(config: SiteConfig, rule?: RegionRule) {
  const revision = { siteId: 'preview', number: 1, config } as Revision
  const inForce = effective(normalizeConfig(toGateConfig(revision, '', rule)), null, false)
  const shows: View | 'link' = inForce.ask ? 'banner' : rule?.model == 'notice' ? 'notice' : 'link'
  return { inForce, shows }
}

function mountView(
  root: ShadowRoot,
  config: SiteConfig,
  language: string,
  rule?: RegionRule,
  chunk?: LanguageTexts
) {
  const t = textsFor(config, language, chunk)
  const { inForce, shows } = firstVisit(config, rule)
  const rest = shows == 'link' ? undefined : shows
  const ui = createView({
    config,
    lang: language,
    t,
    gpc: false,
    choice: () => null,
    inForce: () => inForce,
    // The disclosure link shows its text only: the preview knows no site URL, and is not the site.
    notice: shows == 'notice' && ((o) => noticeLayer(o)),
    // The admin bundles the preferences with the preview: no second fetch.
    loadPrefs: () => Promise.resolve(prefs),
    rest,
    decide() {
      ui.show(rest || null)
      ui.status(t.saved)
    },
  })
  // The opt-out link as the floating button's chunk draws it, in the site's words or the built-in ones.
  const link =
    shows == 'link' &&
    root.appendChild(
      privacyLink({ ...privacyChoicesTexts(language), ...t }.privacyChoices!, (el) => ui.show('prefs', el))
    )
  root.appendChild(ui.el)
  ui.show(rest || null)
  return () => {
    ui.close()
    ui.el.remove()
    if (link) link.remove()
  }
}
