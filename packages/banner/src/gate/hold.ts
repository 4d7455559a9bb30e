import { attr, isScript, setAttr } from './dom.ts'

/** Marks an element the gate holds on its own (auto-blocking), as opposed to one authored inert. */
export const HELD = 'data-torii-held'

/**
 * Turns a script or iframe into the declarative inert form (`type="text/plain"` / `data-src`) with
 * `data-vendor`, so it is revived like authored markup once its vendor is granted.
 */
export function hold(el: Element, vendor: string, url: string): true {
  const type = attr(el, 'type')
  setAttr(el, HELD, '')
  setAttr(el, 'data-vendor', vendor)
  if (!isScript(el)) {
    setAttr(el, 'data-src', url)
    el.removeAttribute('src')
  } else {
    if (type && type != 'text/plain') setAttr(el, 'data-type', type)
    setAttr(el, 'type', 'text/plain')
  }
  return true
}
