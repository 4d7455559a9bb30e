import { attr, isScript, moveAttr, setAttr } from './dom.ts'

/** A held script (truthy): inert (`type="text/plain"`) and naming its vendor, as the gate or the site made it. */
export const isHeld = (el: Element): string | false | null =>
  attr(el, 'type') == 'text/plain' && attr(el, 'data-vendor')

/**
 * Marks a script or iframe with `data-vendor` and, unless its vendor is `granted`, turns it into the
 * declarative inert form (`type="text/plain"` / `data-src`), so it is revived like authored markup once
 * its vendor is granted. Returns true when held. An iframe's src being set (the guards) goes to `data-src`
 * after this.
 */
export function hold(el: Element, vendor: string, granted?: boolean): true | undefined {
  setAttr(el, 'data-vendor', vendor)
  if (granted) return
  if (!isScript(el)) moveAttr(el, 'src', 'data-src')
  else if (attr(el, 'type') != 'text/plain') {
    moveAttr(el, 'type', 'data-type')
    setAttr(el, 'type', 'text/plain')
  }
  return true
}
