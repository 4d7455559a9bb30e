import { LRUCache } from 'lru-cache'

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

const DEFAULTS = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
  maxAccounts: 100_000,
}

/**
 * Exponential backoff per account, whatever network the attempts come from: from the `freeFailures`th
 * failed login in a row on, each one makes the account wait twice as long as the one before (1 s, 2 s,
 * 4 s… up to `maxDelayMs`); a successful login clears it. Unknown emails are tracked the same, so the answers tell
 * nothing about which accounts exist.
 */
export function createAccountBackoff(options: AccountBackoffOptions = {}) {
  const settings = { ...DEFAULTS, ...options }
  const accounts = new LRUCache<string, AccountFailures>({ max: settings.maxAccounts })
  return {
    /**
     * Called before the password is checked. The attempt counts as failed until `succeeded` says otherwise,
     * so many attempts at once on one account cannot all slip in before the first failure is recorded.
     */
    attempt(account: string): BackoffAnswer {
      const now = Date.now()
      const known = accounts.get(account)
      const failures =
        known && now - known.lastAttemptAt < settings.forgetAfterMs
          ? known
          : { count: 0, blockedUntil: 0, lastAttemptAt: now }
      if (failures.blockedUntil > now) return { allowed: false, retryAfterMs: failures.blockedUntil - now }
      failures.count += 1
      failures.lastAttemptAt = now
      const over = failures.count - settings.freeFailures
      // 2 ** over grows to Infinity at worst, which min() caps.
      if (over >= 0)
        failures.blockedUntil = now + Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** over)
      accounts.set(account, failures)
      return { allowed: true }
    },
    /** The password was right: the account's failures are forgotten. */
    succeeded(account: string): void {
      accounts.delete(account)
    },
  }
}

export type AccountBackoff = ReturnType<typeof createAccountBackoff>
