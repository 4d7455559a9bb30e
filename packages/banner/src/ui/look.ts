import type { Look } from '@torii/schema/site-config'
import css from './styles.css?inline'

/** The UI's stylesheet with the site's colours as custom properties, for `adoptedStyleSheets`. */
export function sheetFor(look: Look): CSSStyleSheet {
  const c = look.colors
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(`:host{--bg:${c.background};--fg:${c.text};--ac:${c.accent};--at:${c.accentText}}${css}`)
  return sheet
}
