/**
 * The floating button that reopens the preferences (withdrawal as easy as consent): a chunk of its own,
 * loaded by the gate only when the site wants it and a choice exists, so the gate stays small and a
 * returning visitor never loads the UI. Styled through the CSSOM (strict-CSP safe).
 */
import type { UiContext } from '../gate/types.ts'

/** Its id in the shadow root: the UI hides it while open. */
export const FAB_ID = 'torii-fab'

/** Shows the floating button in the shadow root (created on first use), once the body exists. */
export function fab(ctx: UiContext): void {
  if (!document.body) return void document.addEventListener('DOMContentLoaded', () => fab(ctx))
  // The shadow root, made like the UI chunk makes it (a shared module would cost a third chunk).
  const root = (ctx.root ||= document.body
    .appendChild(document.createElement('torii-consent'))
    .attachShadow({ mode: 'open' }))
  let button = root.getElementById(FAB_ID) as HTMLButtonElement | null
  if (!button) {
    button = root.appendChild(document.createElement('button'))
    button.id = FAB_ID
    button.type = 'button'
    button.dataset.toriiAction = 'customize'
    button.ariaLabel = (ctx.lang || document.documentElement.lang || navigator.language).startsWith('ja')
      ? 'Cookie設定'
      : 'Cookie settings'
    button.textContent = '🍪'
    button.style.cssText =
      'position:fixed;left:16px;bottom:16px;z-index:2147483646;width:44px;height:44px;border-radius:50%;border:2px solid;background:#fff;font-size:20px;cursor:pointer'
    button.onclick = () => ctx.show(button)
  }
  // Not while the UI is open (a decision or a close shows it again).
  button.hidden = !!root.querySelector('.root > :not(.status)')
}
