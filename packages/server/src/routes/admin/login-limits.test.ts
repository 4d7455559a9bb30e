import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHashingQueue } from '../../auth/hashing-queue.ts'
import { createUser } from '../../auth/users.ts'
import { createTestApp, fromAddress, type TestApp } from '../../testing/test-app.ts'

let test: TestApp | undefined
/** Moves the faked clock on by `ms`. */
const advance = (ms: number) => vi.setSystemTime(Date.now() + ms)

afterEach(async () => {
  vi.useRealTimers()
  await test?.close()
  test = undefined
})

const PASSWORD = 'owner-password-123'

function login(app: TestApp, email: string, password: string, address = '192.0.2.10') {
  return app.app.request(
    '/api/admin/session',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    },
    fromAddress(address)
  )
}

const at = (time: string) => vi.setSystemTime(new Date(`2026-11-25T${time}Z`))

describe('login limits', () => {
  it('allow loginRateLimit attempts per network in any 15 minutes, also across the window’s edge', async () => {
    test = await createTestApp({ loginRateLimit: 3, seed: false })
    vi.useFakeTimers({ toFake: ['Date'] })
    const attempt = () => login(test!, 'nobody@example.com', 'wrong-password')
    at('00:00:00')
    expect((await attempt()).status).toBe(401)
    at('00:14:59')
    expect((await attempt()).status).toBe(401)
    expect((await attempt()).status).toBe(401)
    const refused = await attempt()
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('1')
    // A fixed window opened afresh here with three more attempts; the sliding one frees only the first.
    at('00:15:00')
    expect((await attempt()).status).toBe(401)
    const again = await attempt()
    expect(again.status).toBe(429)
    expect(again.headers.get('retry-after')).toBe('899')
    // Another network has its own count.
    expect((await login(test, 'nobody@example.com', 'wrong-password', '198.51.100.7')).status).toBe(401)
  })

  it('back off exponentially per account, whichever network the failures come from', async () => {
    test = await createTestApp({ seed: false })
    await createUser(test.database.db, 'owner@example.com', PASSWORD, 'admin')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-25T00:00:00Z'))
    // Five failures in a row, each from its own network, so no network limit is near.
    for (let i = 1; i <= 5; i++)
      expect((await login(test, 'owner@example.com', 'guess', `203.0.${i}.1`)).status).toBe(401)
    const waiting = await login(test, 'Owner@Example.com', PASSWORD, '203.0.9.1')
    expect(waiting.status).toBe(429)
    expect(waiting.headers.get('retry-after')).toBe('1')
    expect(await waiting.json()).toMatchObject({ error: { code: 'rate_limited' } })
    // Other accounts are not held up.
    expect((await login(test, 'other@example.com', 'guess', '203.0.9.1')).status).toBe(401)
    advance(1_000)
    expect((await login(test, 'owner@example.com', 'guess', '203.0.10.1')).status).toBe(401)
    const longer = await login(test, 'owner@example.com', PASSWORD, '203.0.10.1')
    expect(longer.headers.get('retry-after')).toBe('2')
    advance(2_000)
    expect((await login(test, 'owner@example.com', PASSWORD, '203.0.11.1')).status).toBe(200)
    // The right password cleared the failures.
    expect((await login(test, 'owner@example.com', 'guess', '203.0.12.1')).status).toBe(401)
    expect((await login(test, 'owner@example.com', PASSWORD, '203.0.12.1')).status).toBe(200)
  })

  it('cap concurrent password hashing: beyond the queue a login gets 503 with Retry-After', async () => {
    const hashingQueue = createHashingQueue({ concurrency: 1, maxWaiting: 1 })
    test = await createTestApp({ seed: false, hashingQueue })
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        login(test!, `user${i}@example.com`, 'wrong-password', `198.51.100.${i}`)
      )
    )
    // One hashing and one waiting at a time: of six at once, some are refused, none fails otherwise.
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.every((status) => status === 401 || status === 503)).toBe(true)
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThanOrEqual(1)
    const busy = answers.find((answer) => answer.status === 503)!
    expect(busy.headers.get('retry-after')).toBe('1')
    expect(await busy.json()).toMatchObject({ error: { code: 'busy' } })
    expect(hashingQueue.active + hashingQueue.waiting).toBe(0)
  })
})
