/**
 * `<torii-consent>` and its open shadow root, where the UI draws: made once, by the UI chunk or the notice's
 * (src/ui/notice-first.ts, a build of its own with its own copy of this module; src/ui/fab.ts makes it the
 * same way), at the end of <body>: src/ui/first-tab.ts brings keyboard users to the banner first.
 */
import type { GateHandle } from '../shared/contract.ts'

/** The shadow root, made on first use (the body must exist: see `bodyExists`). */
export function shadowRoot(gate: GateHandle): ShadowRoot {
  const chunks = (gate._chunks ||= {})
  if (!chunks.root) {
    const host = document.body.appendChild(document.createElement('torii-consent'))
    chunks.root = host.attachShadow({ mode: 'open' })
    // Made while the page is still parsing (before its skip link, even): back to the end of <body> once
    // parsing is done, with focus kept where it was inside. Also when it went with content a page script
    // replaced meanwhile (`body.innerHTML = ...`): before, such a page got its banner at DOMContentLoaded.
    document.addEventListener('DOMContentLoaded', () => {
      if (host.nextSibling || !host.isConnected) {
        const root = chunks.root!
        const at = root.activeElement as HTMLElement | null
        // Laid out anew once moved: what the visitor scrolled (the preferences dialog) would start at its top.
        const scrolled = [...root.querySelectorAll('*')].map((el) => [el, el.scrollTop] as const)
        document.body.append(host)
        at?.focus({ preventScroll: true })
        for (const [el, top] of scrolled) if (top) el.scrollTop = top
      }
    })
  }
  return chunks.root
}

/**
 * Resolves once <body> exists: the gate may load the UI from <head>, and DOMContentLoaded comes only after
 * the whole page is parsed, its blocking scripts and deferred ones run.
 */
export const bodyExists = () =>
  new Promise((ready) => {
    if (document.body) ready(0)
    else {
      // Only <html>'s own children are watched, and only until <body> is there.
      const watch = new MutationObserver(() => {
        if (document.body) {
          watch.disconnect()
          ready(0)
        }
      })
      watch.observe(document.documentElement, { childList: true })
    }
  })
