/**
 * The notice of a notice-model region (Japan's 外部送信 notice, docs/regions.md): shown once, while no choice
 * exists, and never in the way. A non-modal region landmark that takes no focus, at the end of the page's Tab
 * order; it links the disclosure page, opens the preferences, and its OK dismisses it (action `notice`: a
 * choice that decides nothing). A chunk of its own, imported by the UI only where the notice is shown, so
 * no other first visit pays for it; like the iframe stand-ins' chunk, it imports nothing the UI chunk
 * imports (a module shared with it would build as a third chunk), so it makes its elements with DOM calls.
 */
import type { FirstLayerOptions } from './first-layer.ts'
import { noticeTexts } from './texts/notice.ts'

/**
 * Builds the notice with the first layer's look (`o.t`: the language's chunk and the site's texts, over the
 * built-in English or Japanese). `gateUrl`: the gate's, next to which the site's disclosure page is
 * (`/s/:siteId/disclosure`); none in the admin's preview, which is not the site: the link's text only.
 */
function noticeLayer(o: FirstLayerOptions, gateUrl?: string): HTMLElement {
  const t = { ...noticeTexts(o.lang), ...o.t }
  const { layout, position } = o.config.look
  const el = (name: string, parent: Element, text?: string, className?: string) => {
    const child = parent.appendChild(document.createElement(name))
    if (text) child.textContent = text
    if (className) child.className = className
    return child
  }
  const section = document.createElement('section')
  // Never centred: a notice does not stand in the middle of the page.
  section.className = `layer notice ${layout} ${position == 'center' ? 'bottom' : position}`
  section.setAttribute('aria-labelledby', 'torii-title')
  const inner = el('div', section, '', 'in')
  el('h2', inner, t.noticeTitle).id = 'torii-title'
  el('p', inner, t.noticeDescription)
  const link = el('a', el('p', inner, '', 'links'), t.disclosure)
  if (gateUrl) link.setAttribute('href', new URL('disclosure', gateUrl).href)
  const actions = el('div', inner, '', 'actions')
  const button = (action: string, label: string, onclick: (e: Event) => void) => {
    const b = el('button', actions, label, 'btn') as HTMLButtonElement
    b.type = 'button'
    b.dataset.toriiAction = action
    b.onclick = onclick
    return b
  }
  const prefs = button('customize', t.customize, (e) => o.customize(e.currentTarget as Element))
  prefs.onpointerenter = prefs.onfocus = () => o.prefetch?.()
  button('close', t.ok, () => o.decide('notice'))
  return section
}

// What the UI chunk calls: the build gives it its short name (mangle.json).
export { noticeLayer as _noticeLayer }
