// Several Torii servers on one PostgreSQL behave as one: a publish, sessions, login limits, receipt quotas.
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_ADMIN } from './demo/seed.ts'
import { receiptBody } from './testing/server-process.ts'
import {
  publishChange,
  type ServersOnPostgres,
  servedRevision,
  serversOnPostgres,
  signInOver,
  waitUntil,
} from './testing/servers-on-postgres.ts'
import { engineMissing, pgAdminUrl } from './testing/test-engines.ts'

let servers: ServersOnPostgres | null = null
afterEach(async () => {
  await servers?.cleanup()
  servers = null
})

const login = (url: string, email: string, password: string) =>
  fetch(`${url}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })

/** Receipt `n` to the server at `url`, from a page of the first server's origin (the demo site allows it). */
const postReceipt = (url: string, n: number, pageOrigin: string) =>
  fetch(`${url}/s/xtra/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: receiptBody(n, pageOrigin),
  })

describe.skipIf(engineMissing('postgres'))('servers on one PostgreSQL', () => {
  it('a publish on one server is served by the other within a second (gate.js and config.json)', async () => {
    servers = await serversOnPostgres(pgAdminUrl())
    const a = await servers.start()
    const b = await servers.start()
    // B has the live revision cached (for 5 s): only being told can make it serve the next one sooner.
    expect(await servedRevision(b.url)).toBe(1)
    const gateBefore = await (await fetch(`${b.url}/s/xtra/gate.js`)).text()
    const session = await signInOver(a.url)
    expect(await publishChange(a.url, session, 42)).toBe(2)
    const took = await waitUntil('B serves revision 2', async () => (await servedRevision(b.url)) === 2)
    expect(took).toBeLessThan(1_000)
    const gateAfter = await (await fetch(`${b.url}/s/xtra/gate.js`)).text()
    expect(gateAfter).not.toBe(gateBefore)
    // And the other way round, a rollback too.
    const rollback = await fetch(`${b.url}/api/admin/sites/xtra/revisions/1/rollback`, {
      method: 'POST',
      headers: (await signInOver(b.url)).headers(),
    })
    expect(rollback.status, await rollback.clone().text()).toBe(201)
    const back = await waitUntil('A serves the rollback', async () => (await servedRevision(a.url)) === 3)
    expect(back).toBeLessThan(1_000)
  })

  it('a session made on one server works on the other; signing out on one ends it on both', async () => {
    servers = await serversOnPostgres(pgAdminUrl())
    const a = await servers.start()
    const b = await servers.start()
    const session = await signInOver(a.url)
    const onB = await fetch(`${b.url}/api/admin/session`, { headers: session.headers() })
    expect(onB.status).toBe(200)
    expect(((await onB.json()) as { user: { email: string } }).user.email).toBe(DEMO_ADMIN.email)
    expect(
      (await fetch(`${b.url}/api/admin/session`, { method: 'DELETE', headers: session.headers() })).status
    ).toBe(204)
    expect((await fetch(`${a.url}/api/admin/session`, { headers: session.headers() })).status).toBe(401)
  })

  it('a network’s login attempts on both servers count against one limit', async () => {
    servers = await serversOnPostgres(pgAdminUrl())
    const a = await servers.start({ loginRateLimit: 4 })
    const b = await servers.start({ loginRateLimit: 4 })
    // Four attempts from one network, alternating servers: the fifth is refused on either.
    for (let i = 0; i < 4; i++)
      expect((await login(i % 2 ? a.url : b.url, `n${i}@example.com`, 'x')).status).toBe(401)
    const refused = await login(a.url, 'n5@example.com', 'x')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await login(b.url, 'n6@example.com', 'x')).status).toBe(429)
  })

  it('an account’s failures on both servers add up to one backoff', async () => {
    servers = await serversOnPostgres(pgAdminUrl())
    const a = await servers.start()
    const b = await servers.start()
    // Five failures in a row, alternating servers: the account then waits, even with the right password.
    for (let i = 0; i < 5; i++)
      expect((await login(i % 2 ? a.url : b.url, DEMO_ADMIN.email, 'guess')).status).toBe(401)
    const waiting = await login(b.url, DEMO_ADMIN.email, DEMO_ADMIN.password)
    expect(waiting.status).toBe(429)
    expect(waiting.headers.get('retry-after')).toBe('1')
    expect((await login(a.url, DEMO_ADMIN.email, DEMO_ADMIN.password)).status).toBe(429)
  })

  it('the per-site receipt quota holds across both servers', async () => {
    servers = await serversOnPostgres(pgAdminUrl())
    const a = await servers.start({ receiptSiteRateLimit: 6 })
    const b = await servers.start({ receiptSiteRateLimit: 6 })
    const statuses: number[] = []
    for (let n = 0; n < 8; n++) statuses.push((await postReceipt(n % 2 ? a.url : b.url, n, a.url)).status)
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 429, 429])
    const refused = await postReceipt(a.url, 9, a.url)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('site_rate_limited')
  })
})
