import type { Context, MiddlewareHandler } from 'hono'
import { errorResponse } from '../lib/errors.ts'

export interface RateLimitOptions {
  /** Requests allowed per key per window. */
  limit: number
  windowMs: number
  /** The bucket a request counts against (e.g. its truncated IP); null skips the limit. */
  key: (c: Context) => string | null
  /** Stops the map growing without bound under a flood of distinct keys. */
  maxKeys?: number
}

const DEFAULT_MAX_KEYS = 100_000

/**
 * Fixed-window rate limit kept in memory (per process: each server behind a load balancer counts its own).
 * Over the limit: 429 JSON with `Retry-After`.
 */
export const rateLimit = (options: RateLimitOptions): MiddlewareHandler => {
  const { limit, windowMs, key } = options
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS
  let windowStart = 0
  let counts = new Map<string, number>()

  return async function rateLimit(c, next) {
    const bucket = key(c)
    if (bucket === null) return next()
    const now = Date.now()
    // One window for every key: a new window drops all counts at once, so no sweep is needed.
    if (now - windowStart >= windowMs) {
      windowStart = now - ((now - windowStart) % windowMs)
      if (now - windowStart >= windowMs) windowStart = now
      counts = new Map()
    }
    if (!counts.has(bucket) && counts.size >= maxKeys) counts = new Map()
    const count = (counts.get(bucket) ?? 0) + 1
    counts.set(bucket, count)
    const resetSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000))
    c.header('RateLimit-Limit', String(limit))
    c.header('RateLimit-Remaining', String(Math.max(0, limit - count)))
    c.header('RateLimit-Reset', String(resetSeconds))
    if (count > limit) {
      return errorResponse(
        429,
        'rate_limited',
        `Too many requests; try again in ${resetSeconds} s`,
        undefined,
        {
          'Retry-After': String(resetSeconds),
        }
      )
    }
    await next()
  }
}
