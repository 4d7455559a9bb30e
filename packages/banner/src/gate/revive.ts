import { isScript, moveAttr, nativeInsert } from './dom.ts'
import { warn } from './warn.ts'

/**
 * Revives allowed tags in the order they were found, in place. An external script holds the queue
 * until it loads or fails, so gtag's loader runs before the inline `gtag('config')` after it.
 */
export function createReviver(nonce: string): (el: Element) => void {
  const queue: HTMLScriptElement[] = []
  let busy: HTMLScriptElement | 0 = 0
  let inline = 0

  // A revived tag that throws is the site's bug, not the page's crash: report it once, quietly.
  addEventListener('error', (e) => {
    if (inline || (busy && e.filename == busy.src)) {
      e.preventDefault()
      warn('revived tag threw: ' + e.message)
    }
  })

  // The script before is done (or there was none): run the queued ones up to the next external one.
  const next = () => {
    busy = 0
    while (!busy && queue.length) run(queue.shift()!)
  }

  // A script no longer in the document is dropped. Re-inserting the same element runs it: it never
  // started, and handlers the page set on it survive.
  const run = (el: HTMLScriptElement) => {
    const parent = el.parentNode
    if (!parent) return
    moveAttr(el, 'data-type', 'type')
    el.nonce ||= nonce
    if (el.src) {
      busy = el
      el.addEventListener('load', next)
      el.addEventListener('error', next)
    } else inline = 1
    nativeInsert.call(parent, el, el.nextSibling)
    inline = 0
  }

  /** Queues `el` once; a script runs as soon as the ones before it have, an iframe at once. */
  return (el) => {
    const e = el as Element & { _revived?: 1 }
    if (!e._revived) {
      e._revived = 1
      if (isScript(el)) {
        queue.push(el)
        busy || next()
      } else moveAttr(el, 'data-src', 'src')
    }
  }
}
