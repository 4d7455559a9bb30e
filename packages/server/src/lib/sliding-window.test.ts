import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSlidingWindow } from './sliding-window.ts'

afterEach(() => {
  vi.useRealTimers()
})

const at = (time: string) => vi.setSystemTime(new Date(`2026-11-25T${time}Z`))

describe('createSlidingWindow', () => {
  it('allows `limit` requests in any span of the window, also across a fixed window’s edge', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const window = createSlidingWindow({ limit: 3, windowMs: 60_000 })
    // Three requests late in one minute and three early in the next: a fixed window let all six through.
    for (const time of ['00:00:50', '00:00:55', '00:00:58']) {
      at(time)
      expect(window.hit('net').limited).toBe(false)
    }
    at('00:01:05')
    const refused = window.hit('net')
    expect(refused.limited).toBe(true)
    expect(refused.headers['Retry-After']).toBe('45')
    expect(refused.headers['RateLimit-Remaining']).toBe('0')
    // One millisecond before the first request leaves the window it still counts; at the edge it does not.
    vi.setSystemTime(new Date('2026-11-25T00:01:49.999Z'))
    expect(window.hit('net').limited).toBe(true)
    at('00:01:50')
    const admitted = window.hit('net')
    expect(admitted.limited).toBe(false)
    expect(admitted.headers['RateLimit-Remaining']).toBe('0')
    expect(window.hit('net').headers['Retry-After']).toBe('5')
    expect(window.hit('other-net').limited).toBe(false)
  })

  it('drops the least recently used key at its cap, keeping the others’ counts', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    at('00:00:00')
    const window = createSlidingWindow({ limit: 1, windowMs: 60_000, maxKeys: 2 })
    expect(window.hit('a').limited).toBe(false)
    expect(window.hit('b').limited).toBe(false)
    expect(window.hit('c').limited).toBe(false)
    // `a` went to make room for `c`; `b` and `c` are still counted.
    expect(window.hit('b').limited).toBe(true)
    expect(window.hit('c').limited).toBe(true)
    expect(window.hit('a').limited).toBe(false)
  })
})
