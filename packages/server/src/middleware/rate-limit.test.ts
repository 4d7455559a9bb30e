import { Hono } from 'hono'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { rateLimit } from './rate-limit.ts'

afterEach(() => {
  vi.useRealTimers()
})

function appWith(limit: number, windowMs: number) {
  const app = new Hono()
  app.use(rateLimit({ limit, windowMs, key: (c) => c.req.header('x-key') ?? null }))
  app.get('/', (c) => c.text('ok'))
  return app
}

describe('rateLimit', () => {
  it('counts per key in a fixed window and opens again when the window ends', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-25T00:00:00Z'))
    const app = appWith(2, 60_000)
    const hit = (key: string) => app.request('/', { headers: { 'x-key': key } })
    expect((await hit('a')).status).toBe(200)
    const second = await hit('a')
    expect(second.headers.get('ratelimit-remaining')).toBe('0')
    const third = await hit('a')
    expect(third.status).toBe(429)
    expect(third.headers.get('retry-after')).toBe('60')
    expect(await third.json()).toMatchObject({ error: { code: 'rate_limited' } })
    expect((await hit('b')).status).toBe(200)
    vi.setSystemTime(new Date('2026-11-25T00:00:59Z'))
    expect((await hit('a')).status).toBe(429)
    vi.setSystemTime(new Date('2026-11-25T00:01:00Z'))
    expect((await hit('a')).status).toBe(200)
  })

  it('skips requests without a key', async () => {
    const app = appWith(1, 60_000)
    for (let i = 0; i < 3; i++) expect((await app.request('/')).status).toBe(200)
  })
})
