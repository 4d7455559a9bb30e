import { doc, nativeCreate } from './dom.ts'

let root: ShadowRoot | undefined
let fab: HTMLButtonElement | undefined

/** The `<torii-consent>` host and its open shadow root (created on first use, once the body exists). */
export function shadowRoot(): ShadowRoot {
  return (root ||= doc.body.appendChild(nativeCreate('torii-consent')).attachShadow({ mode: 'open' }))
}

/**
 * The floating button that reopens preferences (withdrawal as easy as consent); `show` false hides it.
 * Styled through the CSSOM (strict-CSP safe) so the gate carries no stylesheet.
 */
export function floatingButton(lang: string, show: boolean, open: (invoker: Element) => void): void {
  if (!fab && show) {
    fab = shadowRoot().appendChild(nativeCreate('button'))
    fab.type = 'button'
    fab.dataset.toriiAction = 'customize'
    fab.ariaLabel = lang.startsWith('ja') ? 'Cookie設定' : 'Cookie settings'
    fab.textContent = '🍪'
    fab.style.cssText =
      'position:fixed;left:16px;bottom:16px;z-index:2147483646;width:44px;height:44px;border-radius:50%;border:2px solid;background:#fff;font-size:20px;cursor:pointer'
    fab.onclick = () => open(fab!)
  }
  if (fab) fab.hidden = !show
}
