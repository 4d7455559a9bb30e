import { FAB_ID } from '../shared/constants.ts'

/**
 * The opt-out regions' "Your privacy choices" link (drawn by src/ui/fab.ts, and by the admin's preview):
 * in the page's flow at the end of <body>, so it never covers content, in the page's own font and colour,
 * reached by Tab like any footer link. Styled through the CSSOM (strict-CSP safe). `open` opens the
 * preferences, the link given back focus when they close.
 */
export function privacyLink(text: string, open: (link: HTMLElement) => void): HTMLAnchorElement {
  const link = document.createElement('a')
  link.id = FAB_ID
  link.href = '#'
  link.dataset.toriiAction = 'customize'
  link.textContent = text
  // The tap target WCAG 2.5.8 asks for (24 px), and room from the page's last content.
  link.style.cssText =
    'display:block;width:max-content;margin:16px auto;padding:4px 8px;min-height:24px;color:inherit'
  link.onclick = (e) => {
    e.preventDefault()
    open(link)
  }
  return link
}
