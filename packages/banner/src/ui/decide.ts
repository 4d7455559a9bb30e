import { GATE } from '@torii/schema/gate-config'
import { consentState, pushUpdate } from '../gate/consent-mode.ts'
import { deleteCookies, writeChoice } from '../gate/cookie.ts'
import * as CTX from '../gate/ctx.ts'
import { effective, lifetimeDays, settle, withKeys } from '../gate/rules.ts'
import type { Choice, Decision, UiContext } from '../gate/types.ts'
import { warn } from '../gate/warn.ts'
import { record } from './receipt.ts'
import { siteConfig } from './site.ts'
import { dropPlaceholders } from './stand-ins.ts'

type Map = Record<string, boolean>
const INERT = 'script[type="text/plain"],iframe[data-src]'

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
    if (!el.matches(INERT))
      for (const key of (el.getAttribute('data-purpose') || '')
        .split(/[\s,]+/)
        .concat(el.getAttribute('data-vendor') || []))
        if (key) ran[key] = 1
  return ran
}

/**
 * Puts a choice in force in the gate's state: Consent Mode update with every type (GCM-05/06), revival
 * of what it allows, `torii:change`, the floating button. Returns what was in force before.
 */
export function apply(ctx: UiContext, choice: Choice): { p: Map; v: Map } {
  const state = ctx[CTX.state]
  const before = { p: { ...state.p }, v: { ...state.v } }
  ctx[CTX.choice] = choice
  Object.assign(state, { ask: undefined, gpc: undefined }, effective(ctx[CTX.cfg], choice, ctx[CTX.gpc]))
  pushUpdate(ctx[CTX.cfg], state.p)
  ctx[CTX.scan]()
  dispatchEvent(new CustomEvent('torii:change', { detail: ctx[CTX.get]() }))
  ctx[CTX.fab]()
  return before
}

const lost = (before: Map, after: Map) => Object.keys(before).some((k) => before[k] && !after[k])

/**
 * Makes a decision: writes the cookie, puts it in force, deletes the cookies of vendors that lost
 * consent (UI-10), records the receipt, and reloads when a revoked tag already ran.
 */
export async function decide(ctx: UiContext, { p, v, action }: Decision): Promise<void> {
  const cfg = ctx[CTX.cfg]
  const gpc = ctx[CTX.gpc]
  const previous = ctx[CTX.choice]
  const settled = settle(cfg, gpc, p, v)
  const choice: Choice = { id: previous?.id || newId(), rev: cfg[GATE.revision], at: Date.now(), ...settled }
  writeChoice(choice, lifetimeDays(cfg, choice), cfg[GATE.cookieDomain])
  const ran = ranKeys()
  const before = apply(ctx, choice)
  dropPlaceholders()
  const after = ctx[CTX.state]
  // A revoked tag that already ran cannot be stopped: the page reloads once the receipt is recorded.
  const gone = (m: Map, now: Map) => Object.keys(m).some((k) => m[k] && !now[k] && ran[k])
  const reload = gone(before.p, after.p) || gone(before.v, after.v)
  const withdrawn = previous && action != 'gpc' && (lost(before.p, after.p) || lost(before.v, after.v))
  // The receipt leaves first (see record); the cookies' names come from the site's config (config.json).
  const recorded = record(ctx, choice, withdrawn ? 'withdraw' : action, consentState(cfg, after.p))
  const { vendors } = await siteConfig(ctx)
  const names = vendors.filter((x) => before.v[x.key] && !after.v[x.key]).flatMap((x) => x.cookies)
  if (names.length)
    deleteCookies(
      names.map((c) => c.name),
      cfg[GATE.cookieDomain]
    )
  await recorded
  if (reload) location.reload()
}

/** The decision GPC alone makes: the choice as it was, with what GPC denies settled (action `gpc`). */
export function decideGpc(ctx: UiContext): Promise<void> {
  const choice = ctx[CTX.choice]
  return decide(ctx, { p: { ...choice?.p }, v: { ...choice?.v }, action: 'gpc' })
}

/**
 * The keys of a `torii.accept(keys)` / `torii.reject(keys)` call ('all', a key or keys, as page script passed
 * them) that the config has. Others are named in a warning; null when no known key is left, so a typo never
 * records a refusal.
 */
export function knownKeys(ctx: UiContext, keys: unknown, grant: boolean): string[] | 'all' | null {
  if (keys == 'all') return 'all'
  const known = [...ctx[CTX.cfg][GATE.purposes], ...ctx[CTX.cfg][GATE.vendors]].map((x) => x[0])
  const given = ([] as unknown[]).concat(keys ?? [])
  const valid = given.filter((k): k is string => known.includes(k as string))
  const call = `torii.${grant ? 'accept' : 'reject'}`
  const unknown = given.filter((k) => !valid.includes(k as string))
  if (unknown.length) warn(`${call}: unknown key ${unknown.map((k) => JSON.stringify(k)).join(', ')}`)
  if (valid.length) return valid
  warn(`${call} decided nothing: give 'all' or keys of ${known.join(', ')}`)
  return null
}

/** Decides `accept`/`reject` of known keys (see knownKeys) on top of the current choice. */
export function decideKeys(ctx: UiContext, keys: string[] | 'all', grant: boolean): Promise<void> {
  const action = keys == 'all' ? (grant ? 'accept-all' : 'reject-all') : 'custom'
  return decide(ctx, { ...withKeys(ctx[CTX.cfg], ctx[CTX.choice], keys, grant), action })
}
