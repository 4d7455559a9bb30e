type Kid = Node | string | false | null | undefined

/** A tiny `tag()` for the first layer: plain DOM, no framework. `on*` attributes become event handlers. */
export function tag(tag: string, attrs?: Record<string, unknown> | null, ...kids: Kid[]): HTMLElement {
  const el = document.createElement(tag)
  for (const k in attrs) {
    const v = attrs[k]
    if (k.startsWith('on')) (el as unknown as Record<string, unknown>)[k] = v
    else if (v != null && v !== false) el.setAttribute(k, String(v))
  }
  for (const kid of kids) if (kid != null && kid !== false) el.append(kid)
  return el
}
