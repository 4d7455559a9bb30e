/**
 * Blocked iframes and their stand-ins (placeholder.ts, a chunk of its own, adds them): kept here, in the UI
 * chunk, so a decision can drop the stand-ins without loading that chunk.
 */
export const standIns = new Map<Element, HTMLElement>()

/** Removes the stand-ins of iframes the gate revived (they have their src now). */
export function dropPlaceholders(): void {
  for (const [frame, box] of standIns)
    if (!frame.hasAttribute('data-src')) {
      box.remove()
      ;(frame as HTMLElement).hidden = false
      standIns.delete(frame)
    }
}
