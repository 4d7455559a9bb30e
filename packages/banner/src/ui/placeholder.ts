import type { UiContext } from '../gate/types.ts'

const shown = new WeakMap<Element, HTMLElement>()

/**
 * Shows an accessible stand-in before a blocked iframe: a real button that allows its vendor. Lives in
 * the UI chunk (loaded only on pages with a blocked iframe); sized through the CSSOM, which a strict CSP
 * allows (no style attribute in markup).
 */
export function showPlaceholder(
  { cfg, lang }: UiContext,
  frame: HTMLIFrameElement,
  keys: string[],
  allow: () => void
): void {
  if (shown.has(frame) || !frame.parentNode || !frame.hasAttribute('data-src')) return
  const name = cfg.vendors.find((v) => v.key == keys[0])?.name || keys.join(', ')
  const box = document.createElement('div')
  const button = box.appendChild(document.createElement('button'))
  box.className = 'torii-placeholder'
  button.type = 'button'
  button.textContent = lang.startsWith('ja') ? `${name}を許可する` : `Allow ${name}`
  button.onclick = allow
  box.style.cssText = `display:flex;align-items:center;justify-content:center;box-sizing:border-box;border:1px solid;min-height:${frame.height || 150}px;max-width:100%;width:${frame.width ? frame.width + 'px' : '100%'}`
  button.style.cssText = 'min-height:44px;padding:0 16px;font:inherit'
  frame.before(box)
  frame.hidden = true
  shown.set(frame, box)
}

/** Removes the stand-in once the iframe may load. */
export function dropPlaceholder(frame: HTMLIFrameElement): void {
  shown.get(frame)?.remove()
  frame.hidden = false
}
