import { LRUCache } from 'lru-cache'
import type { RateHit } from '../middleware/rate-limit.ts'

export interface SlidingWindowOptions {
  /** Requests allowed per key in any span of `windowMs`. */
  limit: number
  windowMs: number
  /** Keys kept; past it the least recently used one goes, never all of them at once. */
  maxKeys?: number
}

const DEFAULT_MAX_KEYS = 100_000

/**
 * A sliding-window limit kept in memory (per process): a key may make `limit` requests in any `windowMs`,
 * whenever they came, so there is no window edge at which a client gets twice the limit. Each key keeps the
 * times of its last `limit` counted requests; a refused request is not counted, so one that waits
 * `Retry-After` gets in.
 */
export function createSlidingWindow(options: SlidingWindowOptions): { hit(key: string): RateHit } {
  const { limit, windowMs } = options
  // The cache's own TTL only frees memory; which times count is decided against Date.now() below.
  const times = new LRUCache<string, number[]>({ max: options.maxKeys ?? DEFAULT_MAX_KEYS, ttl: windowMs })
  const limitText = String(limit)
  return {
    hit(key) {
      const now = Date.now()
      const recent = (times.get(key) ?? []).filter((time) => now - time < windowMs)
      const limited = recent.length >= limit
      if (!limited) recent.push(now)
      times.set(key, recent)
      // The oldest counted request leaves the window first: one more is allowed then.
      const resetSeconds = Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000))
      const headers: Record<string, string> = {
        'RateLimit-Limit': limitText,
        'RateLimit-Remaining': String(limit - recent.length),
        'RateLimit-Reset': String(resetSeconds),
      }
      if (limited) headers['Retry-After'] = String(resetSeconds)
      return { limited, headers }
    },
  }
}
