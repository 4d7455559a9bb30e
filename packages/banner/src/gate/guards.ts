import { attr, doc, ElementProto, isFrame, isTag, NodeProto, nativeSet } from './dom.ts'
import { isHeld } from './hold.ts'

/** Holds `el` when `url` belongs to a vendor not granted; returns true when held. */
export type UrlCheck = (el: Element, url: string) => boolean | undefined

type Setter = (this: Element, v: string) => void
const SRC = 'script[src],iframe[src]'

/** Replaces a property setter; `set` gets the element, the value and the native setter. Returns the native descriptor. */
function guardSetter(proto: object, name: string, set: (el: Element, v: string, native: Setter) => unknown) {
  const d = Object.getOwnPropertyDescriptor(proto, name)!
  Object.defineProperty(proto, name, {
    ...d,
    set(this: Element, v: string) {
      set(this, v, d.set as Setter)
    },
  })
  return d
}

/**
 * Auto-blocking: every way page code can put a script or iframe with a URL into the document goes
 * through `check` first: `src`/`type` setters and `setAttribute`, the insertion methods, HTML strings
 * (`innerHTML`, `outerHTML`, `insertAdjacentHTML`) and `document.write`. Patched on the prototypes, so
 * elements made any way are covered. Returns the check of a node and its descendants, for the
 * MutationObserver in the gate (the net behind the guards).
 */
export function installGuards(check: UrlCheck): (node: unknown) => void {
  const checkEl = (el: Element) => {
    const src = attr(el, 'src')
    if (src && attr(el, 'type') != 'text/plain') check(el, src)
  }
  const scan = (node: unknown) =>
    (node as Element)?.matches?.(SRC)
      ? checkEl(node as Element)
      : (node as ParentNode)?.querySelectorAll?.(SRC).forEach(checkEl)
  // A write of `src` or `type` the element must not get goes to the attribute kept aside instead: a held
  // iframe never gets its src (so it never navigates: `data-src`), a held script keeps its src but its type
  // stays text/plain (the wanted one in `data-type`). Returns that attribute's name, else nothing.
  const aside = (el: Element, name: string, v: string) =>
    name == 'src'
      ? isTag(el) && check(el, v) && isFrame(el) && 'data-src'
      : name == 'type' && isHeld(el) && 'data-type'

  function setAttribute(this: Element, name: string, v: string) {
    nativeSet.call(this, aside(this, String(name).toLowerCase(), v) || name, v)
  }
  ElementProto.setAttribute = setAttribute
  // `src` and `type` reflect their attributes: their setters go the same way.
  const reflect = (proto: object, name: string) =>
    guardSetter(proto, name, (el, v) => setAttribute.call(el, name, v))
  reflect(HTMLScriptElement.prototype, 'src')
  reflect(HTMLIFrameElement.prototype, 'src')
  reflect(HTMLScriptElement.prototype, 'type')

  // A method that passes its arguments through `map` first (the native one still does the work).
  const patch = (target: object, names: string, map: (args: unknown[]) => unknown[]) => {
    for (const name of names.split(' ')) {
      const methods = target as Record<string, (...args: unknown[]) => unknown>
      const native = methods[name]
      methods[name] = function (this: unknown, ...args: unknown[]) {
        return native.apply(this, map(args))
      }
    }
  }
  const scanAll = (args: unknown[]) => {
    args.forEach(scan)
    return args
  }
  patch(NodeProto, 'appendChild insertBefore replaceChild', scanAll)
  patch(ElementProto, 'append prepend before after replaceWith insertAdjacentElement', scanAll)

  // HTML strings: parsed inert in a <template>, held where needed, passed on rewritten. Scripts parsed by
  // innerHTML never run, so only iframes are held there; document.write runs both.
  const tpl = doc.createElement('template')
  const clean = (markup: unknown, selector = 'iframe[src]'): string => {
    let s = String(markup)
    if (/<(script|iframe)/i.test(s)) {
      html.set!.call(tpl, s)
      let held: unknown
      for (const el of tpl.content.querySelectorAll(selector)) held = check(el, attr(el, 'src')!) || held
      if (held) s = tpl.innerHTML // the getter is the native one (only the setter is guarded)
    }
    return s
  }
  // The native innerHTML, for the template above.
  const html = guardSetter(ElementProto, 'innerHTML', (el, v, native) => native.call(el, clean(v)))
  guardSetter(ElementProto, 'outerHTML', (el, v, native) => native.call(el, clean(v)))
  patch(ElementProto, 'insertAdjacentHTML', ([where, v]) => [where, clean(v)])
  patch(doc, 'write writeln', (parts) => parts.map((p) => clean(p, SRC)))
  return scan
}
