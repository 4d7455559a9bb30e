import type { Db } from '../db/client.ts'
import { createPostgresLimitStore } from '../lib/limit-store.ts'
import { postgresOf } from '../lib/postgres-of.ts'
import { createSharedSlidingWindow, createSlidingWindow, type SlidingWindow } from '../lib/sliding-window.ts'
import { type AccountBackoff, createAccountBackoff, createSharedAccountBackoff } from './account-backoff.ts'

/** The span login attempts are counted over, per network and per user's password changes. */
const LOGIN_WINDOW_MS = 15 * 60_000

/** The limits the session routes check before any password is hashed. */
export interface LoginLimits {
  /** Login attempts per truncated IP in any 15 minutes. */
  networkLogins: SlidingWindow
  /** Failed logins in a row per account. */
  accountLogins: AccountBackoff
  /** Password changes per user in any 15 minutes. */
  passwordChanges: SlidingWindow
}

/**
 * The login limits for the server on `db`: kept in the database on PostgreSQL, so any number of servers behind
 * a load balancer allow together what one would (limit_states); in memory on libSQL, one process.
 */
export function createLoginLimits(db: Db, attemptsPerWindow: number): LoginLimits {
  const window = { limit: attemptsPerWindow, windowMs: LOGIN_WINDOW_MS }
  const postgres = postgresOf(db)
  if (!postgres) {
    return {
      networkLogins: createSlidingWindow(window),
      accountLogins: createAccountBackoff(),
      passwordChanges: createSlidingWindow(window),
    }
  }
  const store = createPostgresLimitStore(postgres)
  return {
    networkLogins: createSharedSlidingWindow(store, 'login-network', window),
    accountLogins: createSharedAccountBackoff(store),
    passwordChanges: createSharedSlidingWindow(store, 'password-change', window),
  }
}
