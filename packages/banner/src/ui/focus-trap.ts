const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled])'

/** Keeps Tab and Shift+Tab inside `box` (A11Y-01). */
export function trapTab(box: HTMLElement, e: KeyboardEvent): void {
  if (e.key != 'Tab') return
  const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)]
  const active = (box.getRootNode() as ShadowRoot).activeElement as HTMLElement | null
  const i = active ? items.indexOf(active) : -1
  const inside = !!active && box.contains(active)
  let to: HTMLElement | undefined
  if (e.shiftKey && i <= 0) to = items[items.length - 1]
  else if (!e.shiftKey && (i == items.length - 1 || !inside)) to = items[0]
  if (to) {
    e.preventDefault()
    to.focus()
  }
}
