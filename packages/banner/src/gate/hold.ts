import { attr, isScript, setAttr } from './dom.ts'

/** A held script (truthy): inert (`type="text/plain"`) and naming its vendor, as the gate or the site made it. */
export const isHeld = (el: Element): string | false | null =>
  attr(el, 'type') == 'text/plain' && attr(el, 'data-vendor')

/**
 * Marks a script or iframe with `data-vendor` and, unless its vendor is `granted`, turns it into the
 * declarative inert form (`type="text/plain"` / `data-src`), so it is revived like authored markup once
 * its vendor is granted. Returns true when held.
 */
export function hold(el: Element, vendor: string, url: string, granted?: boolean): true | undefined {
  const type = attr(el, 'type')
  setAttr(el, 'data-vendor', vendor)
  if (granted) return
  if (!isScript(el)) {
    setAttr(el, 'data-src', url)
    el.removeAttribute('src')
  } else if (type != 'text/plain') {
    if (type) setAttr(el, 'data-type', type)
    setAttr(el, 'type', 'text/plain')
  }
  return true
}
