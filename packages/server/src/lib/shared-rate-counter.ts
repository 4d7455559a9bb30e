import type { Postgres } from '../db/postgres-client.ts'
import { type RateCounter, type RateCounterOptions, type RateHit, rateHit } from '../middleware/rate-limit.ts'

/** A key's hits in one window waiting to be counted: each resolves with its place in the database's count. */
interface PendingHits {
  bucket: string
  windowStart: number
  waiting: ((count: number) => void)[]
}

/**
 * A fixed-window count per key shared by every server on one PostgreSQL (quota_counts), for the receipt hot
 * path. Each hit waits for the database's count, so the servers together admit exactly the limit; hits that
 * arrive while a count is on its way wait for the next one, and all of them go in one upsert (group commit:
 * one statement in flight per process, however many hits). quota_counts is UNLOGGED on PostgreSQL, so that
 * statement waits for no disk. Windows start at multiples of `windowMs` since the epoch, the same on every
 * server. Refused hits count, as in `createRateCounter`. When the database does not answer, each hit is
 * answered as the first of its window: the request itself then meets the database, and says so.
 */
export function createSharedRateCounter(
  pool: Postgres,
  name: string,
  { limit, windowMs }: RateCounterOptions
): RateCounter {
  let pending = new Map<string, PendingHits>()
  let flushing = false
  let prunedWindow = 0

  const answer = (count: number, windowStart: number): RateHit =>
    rateHit(count, limit, windowStart + windowMs - Date.now())

  async function flush(): Promise<void> {
    const batch = [...pending.values()]
    pending = new Map()
    let totals = new Map<string, number>()
    try {
      const { rows } = await pool.query<{ bucket: string; window_start: number; count: number }>({
        name: 'torii_count_quota_hits',
        text: `insert into quota_counts (bucket, window_start, count)
          select * from unnest($1::text[], $2::bigint[], $3::bigint[])
          on conflict (bucket, window_start) do update set count = quota_counts.count + excluded.count
          returning bucket, window_start, count`,
        values: [
          batch.map((hits) => hits.bucket),
          batch.map((hits) => hits.windowStart),
          batch.map((hits) => hits.waiting.length),
        ],
      })
      totals = new Map(rows.map((row) => [`${row.window_start}\n${row.bucket}`, Number(row.count)]))
    } catch {
      // Unreachable: each hit answered as if alone (see above).
    }
    for (const hits of batch) {
      const n = hits.waiting.length
      const total = totals.get(`${hits.windowStart}\n${hits.bucket}`) ?? n
      // This statement's hits are the last `n` of the total, in the order they came.
      for (const [place, resolve] of hits.waiting.entries()) resolve(total - n + place + 1)
    }
  }

  function flushLoop(): void {
    if (flushing || !pending.size) return
    flushing = true
    flush().finally(() => {
      flushing = false
      flushLoop()
    })
  }

  /** Past windows are of no use to anyone: each server deletes them once per window. */
  function pruneBefore(windowStart: number): void {
    if (prunedWindow === windowStart) return
    prunedWindow = windowStart
    pool
      .query('delete from quota_counts where window_start < $1::bigint', [windowStart])
      .catch(() => undefined)
  }

  return {
    hit(key) {
      const now = Date.now()
      const windowStart = now - (now % windowMs)
      pruneBefore(windowStart)
      const bucket = `${name}:${key}`
      const id = `${windowStart}\n${bucket}`
      let hits = pending.get(id)
      if (!hits) {
        hits = { bucket, windowStart, waiting: [] }
        pending.set(id, hits)
      }
      const counted = new Promise<number>((resolve) => hits.waiting.push(resolve))
      flushLoop()
      return counted.then((count) => answer(count, windowStart))
    },
  }
}
