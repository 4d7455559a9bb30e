import { GATE } from '@torii/schema/gate-config'
import { consentState } from '../gate/consent-mode.ts'
import { runsByDefault } from '../gate/model.ts'
import { lifetimeDays } from '../gate/rules.ts'
import type { Choice } from '../gate/types.ts'
import { CHANGE_EVENT, INERT_SELECTOR } from '../shared/constants.ts'
import type { Decision, GateHandle } from '../shared/contract.ts'
import { deleteCookies, writeChoice } from './cookie.ts'
import { completeDecision } from './decision-rules.ts'
import { inForce } from './in-force.ts'
import { record } from './receipt.ts'
import { siteConfig } from './site.ts'
import { dropPlaceholders } from './stand-ins.ts'

type Flags = Record<string, boolean>

/** A new consent id: 16 random bytes as hex (works on plain http too, unlike `randomUUID`). */
export const newId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b + 256).toString(16).slice(1)).join('')

/**
 * Purpose and vendor keys of tags that already ran on this page: tags naming them that are no longer
 * inert (revived, or let through by the gate, which marks a granted vendor's tag with `data-vendor`).
 */
export function ranKeys(): Record<string, 1> {
  const ran: Record<string, 1> = {}
  for (const el of document.querySelectorAll('script,iframe'))
    if (!el.matches(INERT_SELECTOR))
      for (const key of (el.getAttribute('data-purpose') || '')
        .split(/[\s,]+/)
        .concat(el.getAttribute('data-vendor') || []))
        if (key) ran[key] = 1
  return ran
}

const lost = (before: Flags, after: Flags) => Object.keys(before).some((k) => before[k] && !after[k])

/**
 * Has the gate put `choice` in force (the Consent Mode update with every type and the `torii_consent` event
 * first, GCM-05/06: before any tag it allows runs; then its revival), then `torii:change`, the floating button.
 */
function putInForce(gate: GateHandle, choice: Choice): void {
  gate._apply(choice)
  dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: window.torii.get() }))
  gate._showFab()
}

/**
 * Makes a decision: writes the cookie, has the gate put it in force, deletes the cookies of vendors that
 * lost consent (UI-10), records the receipt, and reloads when a revoked tag already ran.
 */
export async function decide(gate: GateHandle, { p, v, action }: Decision): Promise<void> {
  const cfg = gate._gateConfig
  const previous = gate._choice
  const choice: Choice = {
    id: previous?.id || newId(),
    rev: cfg[GATE.revision],
    at: Date.now(),
    // A dismissed notice decides nothing: empty lists, so what the rule has in force by default never turns
    // into consent where another rule asks first.
    ...(action == 'notice' ? { p: {}, v: {} } : completeDecision(cfg, gate._gpc, p, v)),
  }
  writeChoice(choice, lifetimeDays(cfg, choice), cfg[GATE.cookieDomain])
  const ran = ranKeys()
  const before = inForce(gate)
  putInForce(gate, choice)
  const after = inForce(gate)
  dropPlaceholders()
  // A revoked tag that already ran cannot be stopped: the page reloads once the receipt is recorded.
  const gone = (m: Flags, now: Flags) => Object.keys(m).some((k) => m[k] && !now[k] && ran[k])
  const reload = gone(before.p, after.p) || gone(before.v, after.v)
  // A withdrawal: anything in force before, by a choice or by the rule's default (no choice needed), revoked.
  const withdrawn = action != 'gpc' && (lost(before.p, after.p) || lost(before.v, after.v))
  // The receipt leaves first (see record); the cookies' names come from the site's config (config.json).
  // Under an opt-out or notice rule the receipt records what is in force (what runs): the choice leaves out
  // what the rule runs by default (completeDecision), a dismissed notice's lists are empty.
  const recorded = record(
    gate,
    choice,
    withdrawn ? 'withdraw' : action,
    consentState(cfg, after.p),
    runsByDefault(cfg) ? after : choice
  )
  const { vendors } = await siteConfig(gate)
  const names = vendors.filter((x) => before.v[x.key] && !after.v[x.key]).flatMap((x) => x.cookies)
  if (names.length)
    deleteCookies(
      names.map((c) => c.name),
      cfg[GATE.cookieDomain]
    )
  await recorded
  if (reload) location.reload()
}

/**
 * The decision GPC alone makes: what is in force (the choice, and in an opt-out region what runs by default),
 * with what GPC denies completed (action `gpc`); what runs by default stays out of the choice (completeDecision).
 */
export function decideGpc(gate: GateHandle): Promise<void> {
  const { p, v } = inForce(gate)
  return decide(gate, { p, v, action: 'gpc' })
}
