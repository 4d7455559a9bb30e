import type { ComponentChildren } from 'preact'

/** A horizontally scrollable box for wide tables; focusable so keyboard users can scroll it (WCAG 2.1.1). */
export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section class="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  )
}
