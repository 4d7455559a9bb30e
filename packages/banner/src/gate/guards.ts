import { doc, ElementProto, isFrame, isScript, NodeProto, nativeCreate } from './dom.ts'
import { HELD } from './hold.ts'

/** Holds `el` when `url` belongs to a vendor not granted; returns true when held. */
export type UrlCheck = (el: Element, url: string) => boolean | undefined

type Setter = (this: Element, v: string) => void
const SRC = 'script[src],iframe[src]'
const desc = (proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)!

/** Replaces a property setter; `set` gets the element, the value and the native setter. */
function guardSetter(proto: object, name: string, set: (el: Element, v: string, native: Setter) => void) {
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
 * elements made any way are covered; a MutationObserver in the gate is the net behind them.
 */
export function installGuards(check: UrlCheck): void {
  const checkEl = (el: Element) => {
    const src = el.getAttribute('src')
    if (src && !el.hasAttribute(HELD)) check(el, src)
  }
  const scan = (node: unknown) => {
    if (node instanceof Element && (isScript(node) || isFrame(node))) checkEl(node)
    else if ((node as ParentNode)?.querySelectorAll)
      (node as ParentNode).querySelectorAll(SRC).forEach(checkEl)
  }

  // Hold first, so a connected script never fetches and an iframe never navigates.
  guardSetter(HTMLScriptElement.prototype, 'src', (el, v, native) => {
    check(el, v)
    native.call(el, v)
  })
  guardSetter(HTMLIFrameElement.prototype, 'src', (el, v, native) => check(el, v) || native.call(el, v))
  guardSetter(HTMLScriptElement.prototype, 'type', (el, v, native) =>
    el.hasAttribute(HELD) ? ((el as HTMLElement).dataset.type = v) : native.call(el, v)
  )
  // setAttribute('src'|'type') goes through the guarded setters; `inner` stops a DOM whose native setters
  // call setAttribute themselves (polyfills, happy-dom) from looping.
  const setAttribute = ElementProto.setAttribute
  let inner = 0
  ElementProto.setAttribute = function (this: Element, name: string, v: string) {
    const n = String(name).toLowerCase()
    const script = this instanceof HTMLScriptElement
    if (
      !inner &&
      ((n == 'src' && (script || this instanceof HTMLIFrameElement)) || (n == 'type' && script))
    ) {
      inner = 1
      try {
        ;(this as unknown as Record<string, string>)[n] = v
      } finally {
        inner = 0
      }
    } else setAttribute.call(this, name, v)
  }

  const wrap = (proto: object, names: string) => {
    for (const name of names.split(' ')) {
      const target = proto as Record<string, (...args: unknown[]) => unknown>
      const native = target[name]
      target[name] = function (this: unknown, ...args: unknown[]) {
        args.forEach(scan)
        return native.apply(this, args)
      }
    }
  }
  wrap(NodeProto, 'appendChild insertBefore replaceChild')
  wrap(ElementProto, 'append prepend before after replaceWith insertAdjacentElement')

  // HTML strings: parsed inert in a <template>, held where needed, passed on rewritten. Scripts parsed by
  // innerHTML never run, so only iframes are held there; document.write runs both.
  const tpl = nativeCreate('template')
  const html = desc(ElementProto, 'innerHTML')
  const clean = (markup: unknown, selector = 'iframe[src]'): string => {
    let s = String(markup)
    if (/<(script|iframe)/i.test(s)) {
      html.set!.call(tpl, s)
      let held: boolean | undefined
      for (const el of tpl.content.querySelectorAll(selector))
        held = check(el, el.getAttribute('src')!) || held
      if (held) s = html.get!.call(tpl)
    }
    return s
  }
  guardSetter(ElementProto, 'innerHTML', (el, v, native) => native.call(el, clean(v)))
  guardSetter(ElementProto, 'outerHTML', (el, v, native) => native.call(el, clean(v)))
  const adjacent = ElementProto.insertAdjacentHTML
  ElementProto.insertAdjacentHTML = function (this: Element, where: InsertPosition, v: string) {
    adjacent.call(this, where, clean(v))
  }
  for (const name of ['write', 'writeln'] as const) {
    const native = doc[name]
    doc[name] = (...parts: string[]) =>
      native.apply(
        doc,
        parts.map((p) => clean(p, SRC))
      )
  }
}
