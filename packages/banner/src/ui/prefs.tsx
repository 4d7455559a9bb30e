/**
 * The preferences chunk: the Preact dialog, loaded only when a visitor opens the preferences
 * (Customize, `torii.show()`, `[data-torii-open]`), with its own stylesheet.
 */
// biome-ignore lint/correctness/noUnusedImports: h is the classic JSX factory (scripts/build.mjs, vitest.config.ts)
import { h, render } from 'preact'
import { Preferences, type PreferencesProps } from './preferences.tsx'
import css from './prefs.css?inline'

let sheet: CSSStyleSheet | undefined

/** Mounts a fresh dialog (state from the stored choice) in `el`, adopting the dialog's sheet once. */
export function renderPrefs(el: HTMLElement, props: PreferencesProps): void {
  const root = el.getRootNode() as ShadowRoot
  if (!sheet) {
    sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
  }
  if (root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  render(<Preferences {...props} />, el)
}

/** Unmounts the dialog from `el`. */
export const unmountPrefs = (el: HTMLElement): void => render(null, el)
