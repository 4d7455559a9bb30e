import { attr, doc, ElementProto, isFrame, isScript, NodeProto, setAttr } from './dom.ts'
import { isHeld } from './hold.ts'

/** Holds `el` when `url` belongs to a vendor not granted; returns true when held. */
export type UrlCheck = (el: Element, url: string) => boolean | undefined

type Setter = (this: Element, v: string) => void
const SRC = 'script[src],iframe[src]'
const desc = (proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)!

/** Replaces a property setter; `set` gets the element, the value and the native setter. */
function guardSetter(proto: object, name: string, set: (el: Element, v: string, native: Setter) => unknown) {
  const d = desc(proto, name)
  Object.defineProperty(proto, name, {
    ...d,
    set(this: Element, v: string) {
      set(this, v, d.set as Setter)
    },
  })
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
  // A write of `src` or `type` the element must not get: a held iframe never gets its src (so it never
  // navigates), a held script keeps its src but its type stays text/plain (the wanted one kept aside).
  const stop = (el: Element, name: string, v: string) => {
    if (name == 'src') return (isScript(el) || isFrame(el)) && check(el, v) && isFrame(el)
    if (name == 'type' && isHeld(el)) {
      setAttr(el, 'data-type', v)
      return true
    }
  }

  const guard = (proto: object, name: string) =>
    guardSetter(proto, name, (el, v, native) => stop(el, name, v) || native.call(el, v))
  guard(HTMLScriptElement.prototype, 'src')
  guard(HTMLIFrameElement.prototype, 'src')
  guard(HTMLScriptElement.prototype, 'type')
  const setAttribute = ElementProto.setAttribute
  ElementProto.setAttribute = function (this: Element, name: string, v: string) {
    stop(this, String(name).toLowerCase(), v) || setAttribute.call(this, name, v)
  }

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
  const html = desc(ElementProto, 'innerHTML')
  const clean = (markup: unknown, selector = 'iframe[src]'): string => {
    let s = String(markup)
    if (/<(script|iframe)/i.test(s)) {
      html.set!.call(tpl, s)
      let held: unknown
      for (const el of tpl.content.querySelectorAll(selector)) held = check(el, attr(el, 'src')!) || held
      if (held) s = html.get!.call(tpl)
    }
    return s
  }
  guardSetter(ElementProto, 'innerHTML', (el, v, native) => native.call(el, clean(v)))
  guardSetter(ElementProto, 'outerHTML', (el, v, native) => native.call(el, clean(v)))
  patch(ElementProto, 'insertAdjacentHTML', ([where, v]) => [where, clean(v)])
  patch(doc, 'write writeln', (parts) => parts.map((p) => clean(p, SRC)))
  return scan
}
