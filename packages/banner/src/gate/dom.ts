/** Native DOM functions, saved before the blocker patches them, so the gate's own work is never intercepted. */
export const doc = document
export const ElementProto = Element.prototype
export const NodeProto = Node.prototype
export const nativeSet = ElementProto.setAttribute
export const nativeInsert = NodeProto.insertBefore

export const attr = (el: Element, name: string): string | null => el.getAttribute(name)
export const setAttr = (el: Element, name: string, value: string): void => nativeSet.call(el, name, value)
export const isScript = (el: Element): el is HTMLScriptElement => el.localName == 'script'
export const isFrame = (el: Element): el is HTMLIFrameElement => el.localName == 'iframe'
/** A script or an iframe: the elements the gate governs. */
export const isTag = (el: Element): boolean => isScript(el) || isFrame(el)
