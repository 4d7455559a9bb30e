import type { Context, MiddlewareHandler } from 'hono'
import { errorResponse } from '../lib/errors.ts'

export interface RateCounterOptions {
  /** Requests allowed per key per window. */
  limit: number
  windowMs: number
  /** Stops the map growing without bound under a flood of distinct keys. */
  maxKeys?: number
}

export interface RateLimitOptions extends RateCounterOptions {
  /** The bucket a request counts against (e.g. its truncated IP); null skips the limit. */
  key: (c: Context) => string | null
}

/** One request counted: whether it is over the limit, and the `RateLimit-*` headers that say so. */
export interface RateHit {
  limited: boolean
  headers: Record<string, string>
}

/** Counts requests per key; a shared counter (shared-rate-counter.ts) may answer once the database counted. */
export interface RateCounter {
  hit(key: string): RateHit | Promise<RateHit>
}

const DEFAULT_MAX_KEYS = 100_000

/**
 * Fixed-window counts kept in memory (per process: each server behind a load balancer counts its own).
 * Routes on a hot path use it directly to send its headers with their own; others use `rateLimit`.
 */
export function createRateCounter(options: RateCounterOptions): { hit(key: string): RateHit } {
  const { limit, windowMs } = options
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS
  let windowStart = 0
  let counts = new Map<string, number>()
  return {
    hit(key) {
      const now = Date.now()
      // One window for every key: a new window drops all counts at once, so no sweep is needed.
      if (now - windowStart >= windowMs) {
        windowStart = now - ((now - windowStart) % windowMs)
        if (now - windowStart >= windowMs) windowStart = now
        counts = new Map()
      }
      if (!counts.has(key) && counts.size >= maxKeys) counts = new Map()
      const count = (counts.get(key) ?? 0) + 1
      counts.set(key, count)
      return rateHit(count, limit, windowStart + windowMs - now)
    },
  }
}

/** A key's `count`-th hit in a window that ends in `msLeft`: limited past `limit`, with its RateLimit headers. */
export function rateHit(count: number, limit: number, msLeft: number): RateHit {
  const resetSeconds = Math.max(1, Math.ceil(msLeft / 1000))
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(limit),
    'RateLimit-Remaining': String(Math.max(0, limit - count)),
    'RateLimit-Reset': String(resetSeconds),
  }
  if (count > limit) headers['Retry-After'] = String(resetSeconds)
  return { limited: count > limit, headers }
}

/** The 429 answer for a request over its limit. */
export function rateLimitedResponse(hit: RateHit, extraHeaders?: Record<string, string>): Response {
  const seconds = hit.headers['RateLimit-Reset']
  return errorResponse(429, 'rate_limited', `Too many requests; try again in ${seconds} s`, undefined, {
    ...extraHeaders,
    ...hit.headers,
  })
}

/** Rate-limit middleware: over the limit, 429 JSON with `Retry-After`. */
export const rateLimit = (options: RateLimitOptions): MiddlewareHandler => {
  const counter = createRateCounter(options)
  return async function rateLimitMiddleware(c, next) {
    const bucket = options.key(c)
    if (bucket === null) return next()
    const hit = counter.hit(bucket)
    if (hit.limited) return rateLimitedResponse(hit)
    for (const [name, value] of Object.entries(hit.headers)) c.header(name, value)
    await next()
  }
}
