import { INERT_SELECTOR } from '../shared/constants.ts'
import type { GateOwnHandle } from '../shared/contract.ts'
import { attr, doc, isFrame, isTag } from './dom.ts'
import { installGuards } from './guards.ts'
import { hold } from './hold.ts'
import { vendorOfUrl } from './hosts.ts'
import type { WithUi } from './lazy-ui.ts'
import { createReviver } from './revive.ts'
import { type Effective, effective } from './rules.ts'
import type { GateConfig } from './types.ts'
import { safe, warn } from './warn.ts'

/**
 * Enforcement of what `inForce` (the choice in force) allows: a granted vendor's tag goes through marked
 * with its vendor (the UI reloads if it is revoked later); a tag runs when every purpose it names is granted
 * and its vendor, if named, is granted. Sets the handle's `_apply`; returns the scan of the document's held
 * tags, which revives what is allowed.
 */
export function createEnforcement(
  gate: GateOwnHandle,
  cfg: GateConfig,
  withUi: WithUi,
  nonce: string,
  inForce: Effective
) {
  const revive = createReviver(nonce)
  const net = installGuards((el, url) => {
    const vendor = vendorOfUrl(cfg, url)
    if (vendor) return hold(el, vendor, inForce.v[vendor])
  })
  const consider = (el: Element) => {
    const keys = attr(el, 'data-purpose')?.match(/[^\s,]+/g) || []
    const vendor = attr(el, 'data-vendor')
    let ok: unknown = 1
    const need = (flags: Record<string, boolean>, key: string, kind: string) => {
      if (!(key in flags)) warn(`unknown ${kind} "${key}"`)
      ok &&= flags[key]
    }
    for (const key of keys) need(inForce.p, key, 'purpose')
    if (vendor) need(inForce.v, vendor, 'vendor')
    else if (!keys.length) return
    if (ok) revive(el)
    else if (isFrame(el)) withUi((m) => m._showPlaceholder(gate, el))
  }
  const scan = () => doc.querySelectorAll(INERT_SELECTOR).forEach(consider)
  gate._apply = (next) => {
    gate._choice = next
    inForce = effective(cfg, next, gate._gpc)
    scan()
  }
  // One script or iframe: auto-blocking first (its URL), then the declarative form.
  const handle = (el: Element) => {
    net(el)
    if (el.matches(INERT_SELECTOR)) consider(el)
  }
  // The net: parser-inserted tags (revived as soon as they are seen), and anything past the guards. Only
  // scripts and iframes are looked at, and descendants only of elements that have children, so parsing
  // a large page costs little.
  new MutationObserver(
    safe((records: MutationRecord[]) => {
      for (const r of records) {
        if (r.attributeName) net(r.target)
        for (const node of r.addedNodes as NodeListOf<Element>)
          if (isTag(node)) handle(node)
          else if (node.firstElementChild) node.querySelectorAll('script,iframe').forEach(handle)
      }
    })
  ).observe(doc.documentElement, { childList: true, subtree: true, attributeFilter: ['src'] })
  return scan
}
