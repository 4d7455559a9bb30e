/**
 * The floating button that reopens the preferences (withdrawal as easy as consent): a chunk of its own,
 * loaded by the gate only when the site wants it and a choice exists, so the gate stays small and a
 * returning visitor never loads the UI. Styled through the CSSOM (strict-CSP safe). In an opt-out region
 * it is the "Your privacy choices" link instead, on every page view (the law asks for it), in the site's
 * language and words (config.json's, fetched here: the UI chunk is not loaded for it).
 */
import { GATE } from '@torii/schema/gate-config'
import { warn } from '../gate/warn.ts'
import { FAB_ID } from '../shared/constants.ts'
import type { GateHandle } from '../shared/contract.ts'
import { privacyLink } from './privacy-link.ts'
import { siteConfig } from './site.ts'
import { siteTexts } from './texts/index.ts'
import { loadTexts } from './texts/load.ts'
import { privacyChoicesTexts } from './texts/privacy-choices.ts'

const SVG = 'http://www.w3.org/2000/svg'

/**
 * A cookie drawn in SVG: an emoji shows as an empty box where no emoji font is installed. Built with DOM
 * calls, not markup, so a site enforcing Trusted Types accepts it.
 */
function cookieIcon(): SVGElement {
  const svg = document.createElementNS(SVG, 'svg')
  const path = svg.appendChild(document.createElementNS(SVG, 'path'))
  for (const [name, value] of Object.entries({
    viewBox: '0 0 24 24',
    width: '24',
    height: '24',
    'aria-hidden': 'true',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
  }))
    svg.setAttribute(name, value)
  // The outline with a bite out of its top right, and four crumbs (zero-length strokes with round caps).
  path.setAttribute(
    'd',
    'M21 12.5A9 9 0 1 1 11.5 3a3.5 3.5 0 0 0 4 4 3.5 3.5 0 0 0 4 4zM8 9.5h0M12.5 14h0M8 15h0M16 13h0'
  )
  return svg
}

/** The privacy-choices link's text: the site's own for the visitor's language, else the built-in one. */
async function linkText(gate: GateHandle): Promise<string> {
  const config = await siteConfig(gate)
  const lang = gate._chunks!.lang! // picked by siteConfig
  return { ...privacyChoicesTexts(lang), ...(await loadTexts(lang)), ...siteTexts(config, lang) }
    .privacyChoices!
}

/** The floating button: the cookie icon, named in the visitor's language (English or Japanese). */
function iconButton(lang: string): HTMLButtonElement {
  const button = document.createElement('button')
  button.id = FAB_ID
  button.type = 'button'
  button.dataset.toriiAction = 'customize'
  // An attribute, not the ariaLabel property: Firefox before 119 does not reflect it.
  button.setAttribute('aria-label', lang.startsWith('ja') ? 'Cookie設定' : 'Cookie settings')
  button.append(cookieIcon())
  button.style.cssText =
    'position:fixed;left:16px;bottom:16px;z-index:2147483646;width:44px;height:44px;border-radius:50%;border:2px solid;background:#fff;color:#1f2328;padding:0;display:grid;place-items:center;cursor:pointer'
  button.onclick = () => window.torii.show(button)
  return button
}

/**
 * Shows the floating button, or the privacy-choices link in an opt-out region, in the shadow root (created
 * on first use), once the body exists; resolves once it is shown.
 */
async function drawFab(gate: GateHandle): Promise<void> {
  // The listener's promise is caught here: nothing else would, and a rejection would reach the host page.
  if (!document.body)
    return void document.addEventListener('DOMContentLoaded', () => drawFab(gate).catch(warn))
  const chunks = (gate._chunks ||= {})
  // The link's text first (config.json, the language's texts), unless it is drawn already.
  const text =
    gate._gateConfig[GATE.region]?.[0] == 'opt-out' &&
    !chunks.root?.getElementById(FAB_ID) &&
    (await linkText(gate))
  // The shadow root, made like the UI chunk makes it (a module shared with the UI would cost a third chunk).
  const root = (chunks.root ||= document.body
    .appendChild(document.createElement('torii-consent'))
    .attachShadow({ mode: 'open' }))
  const shown =
    root.getElementById(FAB_ID) ||
    root.appendChild(
      text
        ? privacyLink(text, (link) => window.torii.show(link))
        : iconButton(chunks.lang || document.documentElement.lang || navigator.language)
    )
  // Not while the UI is open (a decision or a close shows it again).
  shown.hidden = !!root.querySelector('.root > :not(.status)')
}

// What the gate calls (`FabModule`, src/shared/contract.ts): the build gives it its short name.
export { drawFab as _drawFab }
