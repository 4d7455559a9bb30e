import { consentState } from '../gate/consent-mode.ts'
import { deleteCookies, writeChoice } from '../gate/cookie.ts'
import { effective, lifetimeDays, settle, withKeys } from '../gate/rules.ts'
import type { Choice, Decision, UiContext } from '../gate/types.ts'
import { record } from './receipt.ts'

type Map = Record<string, boolean>

/** A new consent id: 16 random bytes as hex (works on plain http too, unlike `randomUUID`). */
export const newId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b + 256).toString(16).slice(1)).join('')

const lost = (before: Map, after: Map) => Object.keys(before).some((k) => before[k] && !after[k])

/**
 * Makes a decision: writes the cookie, puts it in force through the gate, deletes the cookies of
 * vendors that lost consent (UI-10), records the receipt, and reloads when a revoked tag already ran.
 */
export async function decide(ctx: UiContext, { p, v, action }: Decision): Promise<void> {
  const { cfg, gpc } = ctx
  const previous = ctx.choice()
  const settled = settle(cfg, gpc, p, v)
  const choice: Choice = { id: previous?.id || newId(), rev: cfg.revision, at: Date.now(), ...settled }
  writeChoice(choice, lifetimeDays(cfg, choice), cfg.options.cookieDomain)
  const before = ctx.apply(choice)
  const after = effective(cfg, choice, gpc)
  // A revoked tag that already ran cannot be stopped: the page reloads once the receipt is recorded.
  const gone = (m: Map, now: Map) => Object.keys(m).some((k) => m[k] && !now[k] && ctx.ran[k])
  const ran = gone(before.p, after.p) || gone(before.v, after.v)
  const names = cfg.vendors.filter((x) => before.v[x.key] && !after.v[x.key]).flatMap((x) => x.cookies)
  if (names.length) deleteCookies(names, cfg.options.cookieDomain)
  const withdrawn = previous && action != 'gpc' && (lost(before.p, after.p) || lost(before.v, after.v))
  await record(ctx, choice, withdrawn ? 'withdraw' : action, consentState(cfg, after.p))
  if (ran) location.reload()
}

/** `torii.accept(keys)` / `torii.reject(keys)`; `keys` null is the decision GPC alone makes. */
export function decideKeys(ctx: UiContext, keys: string[] | 'all' | null, grant: boolean): Promise<void> {
  const choice = ctx.choice()
  if (!keys) return decide(ctx, { p: { ...choice?.p }, v: { ...choice?.v }, action: 'gpc' })
  const action = keys == 'all' ? (grant ? 'accept-all' : 'reject-all') : 'custom'
  return decide(ctx, { ...withKeys(ctx.cfg, choice, keys, grant), action })
}
