/**
 * WCAG 2.4.11 Focus Not Obscured (A11Y-04), technique C43: while the first layer covers the top or the
 * bottom of the viewport, the root element gets a scroll-padding as high as the layer (so the browser
 * scrolls a focused page element clear of it) and a padding as high (so the page's last elements can
 * scroll above it). Set through the CSSOM (strict-CSP safe), on top of the page's own values, and undone
 * when the layer closes.
 */
let undo: (() => void) | undefined

/** Keeps page elements clear of `layer` while it is shown; `null` undoes it. */
export function keepClear(layer: HTMLElement | null): void {
  undo?.()
  undo = undefined
  // A centred box covers no edge: scrolling cannot clear it.
  if (!layer || layer.classList.contains('center')) return
  const side = layer.classList.contains('top') ? 'top' : 'bottom'
  const root = document.documentElement
  const names = ['scroll-padding-' + side, 'padding-' + side]
  const saved = names.map((name) => root.style.getPropertyValue(name))
  const base = names.map((name) => Number.parseFloat(getComputedStyle(root).getPropertyValue(name)) || 0)
  // The layer's height changes with the viewport's width and the text size.
  const observer = new ResizeObserver(() => {
    const box = layer.getBoundingClientRect()
    // From the viewport's edge to the layer's far edge (a box floats a little off the edge).
    const height = side == 'top' ? box.bottom : root.clientHeight - box.top
    // A sticky footer the page pads for is under the bar: the larger clears both; the room adds up.
    root.style.setProperty(names[0], Math.max(base[0], height) + 'px')
    root.style.setProperty(names[1], base[1] + height + 'px')
  })
  observer.observe(layer)
  undo = () => {
    observer.disconnect()
    for (const i of [0, 1]) root.style.setProperty(names[i], saved[i])
  }
}
