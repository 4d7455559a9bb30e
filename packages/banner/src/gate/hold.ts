import { attr, isScript, setAttr } from './dom.ts'

/** A held script: inert (`type="text/plain"`) and naming its vendor, as the gate or the site made it. */
export const isHeld = (el: Element): boolean => attr(el, 'type') == 'text/plain' && !!attr(el, 'data-vendor')

/**
 * Turns a script or iframe into the declarative inert form (`type="text/plain"` / `data-src`) with
 * `data-vendor`, so it is revived like authored markup once its vendor is granted.
 */
export function hold(el: Element, vendor: string, url: string): true {
  const type = attr(el, 'type')
  setAttr(el, 'data-vendor', vendor)
  if (!isScript(el)) {
    setAttr(el, 'data-src', url)
    el.removeAttribute('src')
  } else if (type != 'text/plain') {
    if (type) setAttr(el, 'data-type', type)
    setAttr(el, 'type', 'text/plain')
  }
  return true
}
