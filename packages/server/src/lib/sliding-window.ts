import { LRUCache } from 'lru-cache'
import type { RateHit } from '../middleware/rate-limit.ts'
import type { LimitStore } from './limit-store.ts'

export interface SlidingWindowOptions {
  /** Requests allowed per key in any span of `windowMs`. */
  limit: number
  windowMs: number
  /** Keys kept; past it the least recently used one goes, never all of them at once. */
  maxKeys?: number
}

/** A sliding-window limit; the shared one answers once the database has counted the request. */
export interface SlidingWindow {
  hit(key: string): RateHit | Promise<RateHit>
}

const DEFAULT_MAX_KEYS = 100_000

/**
 * The rule: a key may make `limit` requests in any `windowMs`, whenever they came, so there is no window edge
 * at which a client gets twice the limit. `times` are the key's last counted requests; a refused request is not
 * counted, so one that waits `Retry-After` gets in. Answers the times to keep and the hit.
 */
export function slideWindow(
  times: readonly number[],
  now: number,
  { limit, windowMs }: SlidingWindowOptions
): { times: number[]; hit: RateHit } {
  const recent = times.filter((time) => now - time < windowMs)
  const limited = recent.length >= limit
  if (!limited) recent.push(now)
  // The oldest counted request leaves the window first: one more is allowed then.
  const resetSeconds = Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000))
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(limit),
    'RateLimit-Remaining': String(limit - recent.length),
    'RateLimit-Reset': String(resetSeconds),
  }
  if (limited) headers['Retry-After'] = String(resetSeconds)
  return { times: recent, hit: { limited, headers } }
}

/** The sliding window (see `slideWindow`) kept in memory: per process, as on a libSQL server. */
export function createSlidingWindow(options: SlidingWindowOptions): { hit(key: string): RateHit } {
  // The cache's own TTL only frees memory; which times count is decided against Date.now().
  const times = new LRUCache<string, number[]>({
    max: options.maxKeys ?? DEFAULT_MAX_KEYS,
    ttl: options.windowMs,
  })
  return {
    hit(key) {
      const next = slideWindow(times.get(key) ?? [], Date.now(), options)
      times.set(key, next.times)
      return next.hit
    },
  }
}

/**
 * The same sliding window kept in the database (`store`), so servers on one PostgreSQL count a key together.
 * `name` keeps this window's keys apart from other limits'.
 */
export function createSharedSlidingWindow(
  store: LimitStore,
  name: string,
  options: SlidingWindowOptions
): SlidingWindow {
  return {
    hit(key) {
      return store.update(`${name}:${key}`, (times: number[] | undefined, now) => {
        const next = slideWindow(times ?? [], now, options)
        return { state: next.times, expiresAt: now + options.windowMs, result: next.hit }
      })
    },
  }
}
