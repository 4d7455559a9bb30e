import type { Postgres } from '../db/postgres-client.ts'
import type { RateCounter, RateCounterOptions, RateHit } from '../middleware/rate-limit.ts'

/** How long this process's counts wait before going to the database in one statement with the others'. */
const FLUSH_DELAY_MS = 50
/** The share of the limit, at the end, in which each hit waits for the database's count instead of guessing. */
const EXACT_SHARE = 0.1

/** One key's counts in the current window, as this process knows them. */
interface BucketCount {
  /** The database's count at this process's last flush (every server's hits). */
  known: number
  /** Hits of this process on their way to the database (the flush running). */
  inFlight: number
  /** Hits counted here since then, not yet sent. */
  pending: number
  /** Hits of `pending` whose request waits for its exact count: each by its place among them. */
  waiting: { place: number; resolve(count: number): void }[]
}

/**
 * A fixed-window count per key shared by every server on one PostgreSQL (quota_counts), for the receipt hot
 * path: each process counts in memory and adds its counts to the database in one upsert at most every 50 ms,
 * learning the others' counts from its answer. Far from the limit a hit is answered at once from what this
 * process knows; the first hit of a key in a window, and every hit in the last tenth of the limit, waits for
 * the database's count (hits arriving together share one statement). So the servers together admit the limit,
 * give or take what the others admit in one flush while this one is still far from it. Windows start at
 * multiples of `windowMs` since the epoch, the same on every server. Refused hits count, as in
 * `createRateCounter`. When the database does not answer, hits are answered from what this process knows.
 */
export function createSharedRateCounter(
  sql: Postgres,
  name: string,
  { limit, windowMs }: RateCounterOptions
): RateCounter {
  const exactFrom = limit - Math.max(1, Math.ceil(limit * EXACT_SHARE))
  const limitText = String(limit)
  let windowStart = 0
  let buckets = new Map<string, BucketCount>()
  let timer: NodeJS.Timeout | null = null
  let flushing: Promise<void> | null = null
  let again = false

  function answer(count: number, now: number): RateHit {
    const resetSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000))
    const headers: Record<string, string> = {
      'RateLimit-Limit': limitText,
      'RateLimit-Remaining': String(Math.max(0, limit - count)),
      'RateLimit-Reset': String(resetSeconds),
    }
    if (count > limit) headers['Retry-After'] = String(resetSeconds)
    return { limited: count > limit, headers }
  }

  async function flush(): Promise<void> {
    const start = windowStart
    const taken = [...buckets].filter(([, bucket]) => bucket.pending > 0)
    if (!taken.length) return
    const keys = taken.map(([key]) => `${name}:${key}`)
    const counts = taken.map(([, bucket]) => bucket.pending)
    const waiting = taken.map(([, bucket]) => bucket.waiting)
    for (const [, bucket] of taken) {
      bucket.inFlight = bucket.pending
      bucket.pending = 0
      bucket.waiting = []
    }
    let totals: Map<string, number> | null = null
    try {
      const rows = await sql`
        insert into quota_counts (bucket, window_start, count)
        select bucket, ${start}::bigint, count
          from unnest(${keys}::text[], ${counts}::bigint[]) as hits(bucket, count)
        on conflict (bucket, window_start) do update set count = quota_counts.count + excluded.count
        returning bucket, count`
      totals = new Map(rows.map((row) => [String(row.bucket), Number(row.count)]))
    } catch {
      // Unreachable: answered from this process's counts; the request itself then meets the database, and says so.
    }
    taken.forEach(([, bucket], i) => {
      const total = totals?.get(keys[i]!) ?? bucket.known + counts[i]!
      bucket.inFlight = 0
      if (start === windowStart) bucket.known = Math.max(bucket.known, total)
      // This flush's hits are the last `counts[i]` of `total`, in the order they came.
      for (const waiter of waiting[i]!) waiter.resolve(total - counts[i]! + waiter.place + 1)
    })
  }

  function scheduleFlush(now: boolean): void {
    if (flushing) {
      again ||= now
      return
    }
    if (!now) {
      timer ??= setTimeout(() => scheduleFlush(true), FLUSH_DELAY_MS).unref()
      return
    }
    if (timer) clearTimeout(timer)
    timer = null
    flushing = flush().finally(() => {
      flushing = null
      const pending = [...buckets.values()].some((bucket) => bucket.pending > 0)
      if (pending) scheduleFlush(again)
      again = false
    })
  }

  return {
    hit(key) {
      const now = Date.now()
      if (now - windowStart >= windowMs) {
        const previous = windowStart
        windowStart = now - (now % windowMs)
        buckets = new Map()
        // Past windows are of no use to anyone; each server deletes them when its window turns.
        if (previous)
          sql`delete from quota_counts where window_start < ${windowStart}::bigint`.catch(() => undefined)
      }
      let bucket = buckets.get(key)
      const first = !bucket
      if (!bucket) {
        bucket = { known: 0, inFlight: 0, pending: 0, waiting: [] }
        buckets.set(key, bucket)
      }
      const place = bucket.pending++
      const estimate = bucket.known + bucket.inFlight + bucket.pending
      if (!first && estimate <= exactFrom) {
        scheduleFlush(false)
        return answer(estimate, now)
      }
      const counted = new Promise<number>((resolve) => bucket.waiting.push({ place, resolve }))
      scheduleFlush(true)
      return counted.then((count) => answer(count, Date.now()))
    },
  }
}
