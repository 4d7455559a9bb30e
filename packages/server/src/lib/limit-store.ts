import { inTransaction, type Postgres } from '../db/postgres-client.ts'

/** What a limit's rule decides for one key: its next state (null: forget the key) and the answer. */
export interface LimitStep<S, R> {
  state: S | null
  /** When the state no longer matters (ms since the epoch): its row may be deleted then. */
  expiresAt: number
  result: R
}

/**
 * Where a limit keeps each key's state so that every server on the database sees it (limit_states): `update`
 * reads the key's state, applies the rule and writes the result while no other server updates that key.
 */
export interface LimitStore {
  update<S, R>(key: string, step: (state: S | undefined, now: number) => LimitStep<S, R>): Promise<R>
  remove(key: string): Promise<void>
}

/** The advisory-lock class of limit keys (a key's lock is `(class, hashtext(key))`, apart from every bigint lock). */
const LIMIT_LOCK_CLASS = 7_105_116
/** How often a process deletes the states that expired. */
const PRUNE_EVERY_MS = 10 * 60_000

/**
 * limit_states on PostgreSQL: each update is one transaction holding the key's advisory lock, so two servers
 * counting the same network or account one attempt each count two.
 */
export function createPostgresLimitStore(pool: Postgres): LimitStore {
  let prunedAt = 0
  function pruneNow(now: number): void {
    if (now - prunedAt < PRUNE_EVERY_MS) return
    prunedAt = now
    // Nobody waits for it; a failure only leaves the rows for the next time.
    pool.query('delete from limit_states where expires_at < $1::bigint', [now]).catch(() => undefined)
  }
  return {
    async update(key, step) {
      const answer = await inTransaction(pool, async (tx) => {
        await tx.query('select pg_advisory_xact_lock($1::int, hashtext($2))', [LIMIT_LOCK_CLASS, key])
        const [row] = (await tx.query('select state from limit_states where key = $1', [key])).rows
        const now = Date.now()
        const next = step(row ? JSON.parse(String(row.state)) : undefined, now)
        if (next.state === null) await tx.query('delete from limit_states where key = $1', [key])
        else {
          await tx.query(
            `insert into limit_states (key, state, expires_at) values ($1, $2, $3::bigint)
            on conflict (key) do update set state = excluded.state, expires_at = excluded.expires_at`,
            [key, JSON.stringify(next.state), next.expiresAt]
          )
        }
        return { result: next.result, now }
      })
      pruneNow(answer.now)
      return answer.result as never
    },
    async remove(key) {
      await pool.query('delete from limit_states where key = $1', [key])
    },
  }
}
