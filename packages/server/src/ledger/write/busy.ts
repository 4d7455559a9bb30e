import { setTimeout as delay } from 'node:timers/promises'

/** How long a writer keeps retrying when another process holds the database's write lock. */
export const BUSY_RETRY_MS = 15_000

function isBusy(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { message?: string } }
  const text = `${e.code ?? ''} ${e.message ?? ''} ${e.cause?.message ?? ''}`
  return /SQLITE_BUSY|database is locked|SQLITE_LOCKED/i.test(text)
}

/**
 * Runs a write, retrying while the database is locked by another process. The client's own busy timeout
 * normally waits for the lock; this covers clients opened without one and lock upgrades SQLite refuses
 * to wait for.
 */
export async function withBusyRetry<T>(write: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + BUSY_RETRY_MS
  for (let attempt = 0; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error
      await delay(Math.min(50, 1 + attempt * 2) * Math.random() + 1)
    }
  }
}
