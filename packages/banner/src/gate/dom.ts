/** Native DOM functions, saved before the blocker patches them, so the gate's own work is never intercepted. */
export const doc = document
export const ElementProto = Element.prototype
export const NodeProto = Node.prototype
export const nativeSet = ElementProto.setAttribute
export const nativeInsert = NodeProto.insertBefore

export const attr = (el: Element, name: string): string | null => el.getAttribute(name)
export const setAttr = (el: Element, name: string, value: string): void => nativeSet.call(el, name, value)
/** Moves an attribute's value to another (`to` removed when `from` is absent), removing `from`. */
export function moveAttr(el: Element, from: string, to: string): void {
  const v = attr(el, from)
  v == null ? el.removeAttribute(to) : setAttr(el, to, v)
  el.removeAttribute(from)
}
export const isScript = (el: Element): el is HTMLScriptElement => el.localName == 'script'
export const isFrame = (el: Element): el is HTMLIFrameElement => el.localName == 'iframe'
/** A script or an iframe: the elements the gate governs. */
export const isTag = (el: Element): boolean => isScript(el) || isFrame(el)
