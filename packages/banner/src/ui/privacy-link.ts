import { FAB_ID } from '../shared/constants.ts'

/**
 * The opt-out regions' "Your privacy choices" link (drawn by src/ui/fab.ts, and by the admin's preview):
 * in the page's flow at the end of <body>, so it never covers content, in the page's own font and colour,
 * reached by Tab like any footer link. In a `<nav>` named by its text (the element the UI shows and hides,
 * `#torii-fab`): it comes after the page's own landmarks, and axe's region rule wants every text in one.
 * Styled through the CSSOM (strict-CSP safe). `open` opens the preferences, the link given back focus when
 * they close.
 */
export function privacyLink(text: string, open: (link: HTMLElement) => void): HTMLElement {
  const nav = document.createElement('nav')
  nav.id = FAB_ID
  nav.setAttribute('aria-label', text)
  nav.style.cssText = 'display:block;text-align:center;margin:16px 0'
  const link = nav.appendChild(document.createElement('a'))
  link.href = '#'
  link.dataset.toriiAction = 'customize'
  link.textContent = text
  // The tap target WCAG 2.5.8 asks for (24 px).
  link.style.cssText = 'display:inline-block;padding:4px 8px;min-height:24px;color:inherit'
  link.onclick = (e) => {
    e.preventDefault()
    open(link)
  }
  return nav
}
