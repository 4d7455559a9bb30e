import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAccountBackoff } from './account-backoff.ts'

/** Moves the faked clock on by `ms`. */
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms)

afterEach(() => {
  vi.useRealTimers()
})

describe('createAccountBackoff', () => {
  it('doubles the wait from the freeFailures-th failure in a row, up to the cap, and forgets on success', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-25T00:00:00Z'))
    const backoff = createAccountBackoff({ freeFailures: 2, baseDelayMs: 1_000, maxDelayMs: 8_000 })
    expect(backoff.attempt('a@example.com')).toEqual({ allowed: true })
    expect(backoff.attempt('a@example.com')).toEqual({ allowed: true })
    const waits: number[] = []
    for (let i = 0; i < 6; i++) {
      const answer = backoff.attempt('a@example.com')
      expect(answer.allowed).toBe(false)
      const wait = answer.allowed ? 0 : answer.retryAfterMs
      waits.push(wait)
      // One millisecond early is still refused; at the end of the wait the attempt goes through.
      advance(wait - 1)
      expect(backoff.attempt('a@example.com').allowed).toBe(false)
      advance(1)
      expect(backoff.attempt('a@example.com')).toEqual({ allowed: true })
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000])
    expect(backoff.attempt('b@example.com')).toEqual({ allowed: true })
    advance(8_000)
    backoff.succeeded('a@example.com')
    expect(backoff.attempt('a@example.com')).toEqual({ allowed: true })
    expect(backoff.attempt('a@example.com')).toEqual({ allowed: true })
  })

  it('counts attempts still being checked, so a burst on one account cannot all get through', () => {
    const backoff = createAccountBackoff({ freeFailures: 3 })
    const answers = Array.from({ length: 50 }, () => backoff.attempt('a@example.com').allowed)
    expect(answers.filter(Boolean)).toHaveLength(3)
  })
})
