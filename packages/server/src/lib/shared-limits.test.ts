// Limits kept in PostgreSQL: two connections to one database stand for two servers behind a load balancer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSharedAccountBackoff } from '../auth/account-backoff.ts'
import { createDb, type Database } from '../db/client.ts'
import { createTestDb } from '../testing/test-db.ts'
import { engineMissing } from '../testing/test-engines.ts'
import { createPostgresLimitStore } from './limit-store.ts'
import { postgresOf } from './postgres-of.ts'
import { createSharedRateCounter } from './shared-rate-counter.ts'
import { createSharedSlidingWindow } from './sliding-window.ts'

let first: Awaited<ReturnType<typeof createTestDb>>
let second: Database
beforeEach(async () => {
  first = await createTestDb('postgres')
  second = await createDb({ url: first.url })
})
afterEach(async () => {
  vi.useRealTimers()
  await second?.close()
  await first?.cleanup()
})

const pools = () => [postgresOf(first.db)!, postgresOf(second.db)!] as const
const at = (time: string) => vi.setSystemTime(new Date(`2026-11-25T${time}Z`))

describe.skipIf(engineMissing('postgres'))('limits shared by servers on one PostgreSQL', () => {
  it('a site quota admits exactly its limit across two servers, hits one by one and all at once', async () => {
    const [a, b] = pools().map((sql) =>
      createSharedRateCounter(sql, 'receipts-site', { limit: 10, windowMs: 60_000 })
    )
    const hits = []
    for (let i = 0; i < 12; i++) hits.push(await (i % 2 ? a! : b!).hit('xtra'))
    expect(hits.map((hit) => hit.limited)).toEqual([...Array(10).fill(false), true, true])
    expect(hits[9]!.headers['RateLimit-Remaining']).toBe('0')
    expect(hits[10]!.headers['Retry-After']).toMatch(/^\d+$/)
    // Another site has its own count; 40 hits at once on both servers still admit 10.
    const together = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a! : b!).hit('other')))
    expect(together.filter((hit) => !hit.limited)).toHaveLength(10)
  })

  it('a site quota starts over in the next window, at the same moment on every server', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const [a, b] = pools().map((sql) =>
      createSharedRateCounter(sql, 'receipts-site', { limit: 2, windowMs: 60_000 })
    )
    at('00:00:58')
    expect((await a!.hit('xtra')).limited).toBe(false)
    expect((await b!.hit('xtra')).limited).toBe(false)
    const refused = await a!.hit('xtra')
    expect(refused.limited).toBe(true)
    expect(refused.headers['Retry-After']).toBe('2')
    at('00:01:00')
    expect((await b!.hit('xtra')).limited).toBe(false)
    expect((await a!.hit('xtra')).limited).toBe(false)
    expect((await b!.hit('xtra')).limited).toBe(true)
  })

  it('a login window counts a network’s attempts on both servers together, sliding', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const [a, b] = pools().map((sql) =>
      createSharedSlidingWindow(createPostgresLimitStore(sql), 'login-network', {
        limit: 3,
        windowMs: 60_000,
      })
    )
    for (const [time, server] of [
      ['00:00:50', a],
      ['00:00:55', b],
      ['00:00:58', a],
    ] as const) {
      at(time)
      expect((await server!.hit('192.0.2.0')).limited).toBe(false)
    }
    at('00:01:05')
    const refused = await b!.hit('192.0.2.0')
    expect(refused.limited).toBe(true)
    expect(refused.headers['Retry-After']).toBe('45')
    at('00:01:50')
    expect((await b!.hit('192.0.2.0')).limited).toBe(false)
    expect((await a!.hit('192.0.2.0')).headers['Retry-After']).toBe('5')
    expect((await a!.hit('198.51.100.0')).limited).toBe(false)
    // Attempts at once on both servers cannot slip past the limit together.
    const together = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a! : b!).hit('203.0.113.0'))
    )
    expect(together.filter((hit) => !hit.limited)).toHaveLength(3)
  })

  it('an account’s backoff grows with failures on either server and clears on a success on either', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    at('00:00:00')
    const [a, b] = pools().map((sql) =>
      createSharedAccountBackoff(createPostgresLimitStore(sql), { freeFailures: 2, baseDelayMs: 1_000 })
    )
    expect(await a!.attempt('owner@example.com')).toEqual({ allowed: true })
    expect(await b!.attempt('owner@example.com')).toEqual({ allowed: true })
    // The second failure in a row blocks the account for 1 s, on both servers.
    expect(await a!.attempt('owner@example.com')).toEqual({ allowed: false, retryAfterMs: 1_000 })
    expect(await b!.attempt('owner@example.com')).toEqual({ allowed: false, retryAfterMs: 1_000 })
    vi.setSystemTime(Date.now() + 1_000)
    expect(await b!.attempt('owner@example.com')).toEqual({ allowed: true })
    expect(await a!.attempt('owner@example.com')).toEqual({ allowed: false, retryAfterMs: 2_000 })
    expect(await a!.attempt('other@example.com')).toEqual({ allowed: true })
    vi.setSystemTime(Date.now() + 2_000)
    expect(await a!.attempt('owner@example.com')).toEqual({ allowed: true })
    await b!.succeeded('owner@example.com')
    expect(await a!.attempt('owner@example.com')).toEqual({ allowed: true })
    expect(await b!.attempt('owner@example.com')).toEqual({ allowed: true })
  })
})
