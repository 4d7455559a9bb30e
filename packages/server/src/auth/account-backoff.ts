import { LRUCache } from 'lru-cache'
import type { LimitStore } from '../lib/limit-store.ts'

export interface AccountBackoffOptions {
  /** Failed logins in a row the account may make without waiting. */
  freeFailures?: number
  /** The first wait; each further failure doubles it. */
  baseDelayMs?: number
  /** The longest wait, so an attacker can keep an account waiting no longer than this. */
  maxDelayMs?: number
  /** After this long without an attempt an account's failures are forgotten. */
  forgetAfterMs?: number
  /** Accounts kept; past it the least recently used one goes, never all at once. */
  maxAccounts?: number
}

/** Failed logins in a row for one account, and until when it must wait. */
interface AccountFailures {
  count: number
  blockedUntil: number
  lastAttemptAt: number
}

/** One login attempt on an account: let it check the password, or wait `retryAfterMs`. */
export type BackoffAnswer = { allowed: true } | { allowed: false; retryAfterMs: number }

/** An account's login backoff; the shared one answers once the database has counted the attempt. */
export interface AccountBackoff {
  /**
   * Called before the password is checked. The attempt counts as failed until `succeeded` says otherwise,
   * so many attempts at once on one account cannot all slip in before the first failure is recorded.
   */
  attempt(account: string): BackoffAnswer | Promise<BackoffAnswer>
  /** The password was right: the account's failures are forgotten. */
  succeeded(account: string): void | Promise<void>
}

type BackoffSettings = Required<AccountBackoffOptions>

const DEFAULTS: BackoffSettings = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
  maxAccounts: 100_000,
}

/**
 * The rule: from the `freeFailures`th failed login in a row on, each one makes the account wait twice as long
 * as the one before (1 s, 2 s, 4 s… up to `maxDelayMs`). Answers the account's failures after this attempt
 * (unchanged when it must wait) and the answer.
 */
function attemptStep(
  known: AccountFailures | undefined,
  now: number,
  settings: BackoffSettings
): { failures: AccountFailures; answer: BackoffAnswer } {
  const failures =
    known && now - known.lastAttemptAt < settings.forgetAfterMs
      ? { ...known }
      : { count: 0, blockedUntil: 0, lastAttemptAt: now }
  if (failures.blockedUntil > now) {
    return { failures, answer: { allowed: false, retryAfterMs: failures.blockedUntil - now } }
  }
  failures.count += 1
  failures.lastAttemptAt = now
  const over = failures.count - settings.freeFailures
  // 2 ** over grows to Infinity at worst, which min() caps.
  if (over >= 0) failures.blockedUntil = now + Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** over)
  return { failures, answer: { allowed: true } }
}

/**
 * Exponential backoff per account (see `attemptStep`), whatever network the attempts come from, kept in memory
 * (per process, as on a libSQL server); a successful login clears it. Unknown emails are tracked the same, so
 * the answers tell nothing about which accounts exist.
 */
export function createAccountBackoff(options: AccountBackoffOptions = {}) {
  const settings = { ...DEFAULTS, ...options }
  const accounts = new LRUCache<string, AccountFailures>({ max: settings.maxAccounts })
  return {
    attempt(account: string): BackoffAnswer {
      const { failures, answer } = attemptStep(accounts.get(account), Date.now(), settings)
      if (answer.allowed) accounts.set(account, failures)
      return answer
    },
    succeeded(account: string): void {
      accounts.delete(account)
    },
  }
}

/** The same backoff kept in the database (`store`), so servers on one PostgreSQL count an account together. */
export function createSharedAccountBackoff(
  store: LimitStore,
  options: AccountBackoffOptions = {}
): AccountBackoff {
  const settings = { ...DEFAULTS, ...options }
  const keyOf = (account: string) => `login-account:${account}`
  return {
    attempt(account) {
      return store.update(keyOf(account), (known: AccountFailures | undefined, now) => {
        const { failures, answer } = attemptStep(known, now, settings)
        return { state: failures, expiresAt: failures.lastAttemptAt + settings.forgetAfterMs, result: answer }
      })
    },
    succeeded(account) {
      return store.remove(keyOf(account))
    },
  }
}
