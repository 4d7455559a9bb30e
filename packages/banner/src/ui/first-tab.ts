/**
 * A11Y-03: `<torii-consent>` is the last child of <body> (placed first, an open shadow root with links
 * would make axe-core's skip-link check flag the page's own skip link). So while the first layer is
 * shown, the first Tab from the top of the page, before anything has had focus, goes to the banner's
 * first control; after that, Tab is the visitor's.
 */
let undo: (() => void) | undefined

/** Sends the page's first forward Tab to `layer` while it is shown; `null` stops it. */
export function firstTab(layer: HTMLElement | null): void {
  undo?.()
  if (!layer) return
  const key = (e: KeyboardEvent) => {
    const at = document.activeElement
    if (e.key != 'Tab' || e.shiftKey || (at && at != document.body)) return
    e.preventDefault()
    layer.querySelector<HTMLElement>('a[href],button')?.focus()
  }
  // Anything taking focus (this Tab, a click, a page's autofocus) ends it.
  const stop = () => {
    removeEventListener('keydown', key, true)
    removeEventListener('focusin', stop, true)
  }
  addEventListener('keydown', key, true)
  addEventListener('focusin', stop, true)
  undo = stop
}
