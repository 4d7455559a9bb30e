// The multi-server proof (issue 19): three Torii processes on one PostgreSQL database take receipts round-robin
// while one is killed with -9 and started again; every acknowledged receipt is then in the database, the
// ledger and the log verify, and a publish made on one process is served by the others within one second.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb } from './db/client.ts'
import { createPgDatabase } from './testing/pg-cluster.ts'
import { receiptBody, type ServerProcess, spawnServer } from './testing/server-process.ts'
import { stopServer, verifyDatabase, verifyLogInDatabase } from './testing/servers-on-one-file.ts'
import { publishChange, servedRevision, signInOver, waitUntil } from './testing/servers-on-postgres.ts'
import { engineMissing, pgAdminUrl } from './testing/test-engines.ts'

const RECEIPTS = 600
const KILL_AFTER = 150
const CLIENTS = 12

let cleanup: (() => Promise<void>) | null = null
afterEach(async () => {
  await cleanup?.()
  cleanup = null
})

describe.skipIf(engineMissing('postgres'))('three servers on one PostgreSQL', () => {
  it('lose no acknowledged receipt through a kill -9, keep one valid ledger, and serve a publish at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'torii-proof-'))
    const database = await createPgDatabase(pgAdminUrl())
    const running: ServerProcess[] = []
    cleanup = async () => {
      for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL')
      await Promise.all(running.map((server) => server.exited))
      await database.drop()
      rmSync(dir, { recursive: true, force: true })
    }
    const env = {
      TORII_DB_URL: database.url,
      TORII_SIGNING_KEY_FILE: join(dir, 'signing-key.pem'),
      TORII_SEAL_BATCH_SIZE: '16',
      TORII_SEAL_INTERVAL_MS: '50',
    }
    const start = async (demo: 'auto' | 'off') => {
      const server = await spawnServer({ ...env, TORII_DEMO: demo })
      running.push(server)
      return server
    }
    // The first seeds the demo site (allowing its own origin) and the key; the others join it.
    const servers = [await start('auto')]
    servers.push(await start('off'), await start('off'))
    const pageOrigin = servers[0]!.url

    const acknowledged: string[] = []
    let next = 0
    let killed: ServerProcess | null = null
    let unanswered = 0
    let restarted: Promise<void> | null = null
    // Each client sends its receipts round-robin through the three; a receipt the killed server did not
    // acknowledge is sent again to the next one, as the banner does.
    const client = async (clientNumber: number) => {
      let slot = clientNumber
      while (next < RECEIPTS) {
        const n = next++
        for (let attempt = 0; ; attempt++) {
          const server = servers[slot++ % servers.length]!
          const res = await fetch(`${server.url}/s/xtra/receipts`, {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: receiptBody(n, pageOrigin),
          }).catch(() => null)
          if (res?.status === 201) {
            acknowledged.push(((await res.json()) as { id: string }).id)
            break
          }
          // Only the killed server may fail to answer.
          if (server !== killed) throw new Error(`POST to ${server.url}: ${res?.status} ${await res?.text()}`)
          unanswered++
          if (attempt > 10) throw new Error(`receipt ${n} not acknowledged after ${attempt} attempts`)
        }
        if (acknowledged.length >= KILL_AFTER && !killed) {
          killed = servers[1]!
          killed.child.kill('SIGKILL')
          restarted = killed.exited.then(async () => {
            servers[1] = await start('off')
          })
        }
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)))
    await restarted
    expect(killed!.child.signalCode).toBe('SIGKILL')
    // The kill met traffic: some receipts went unanswered there and were sent on.
    expect(unanswered).toBeGreaterThan(0)
    expect(acknowledged).toHaveLength(RECEIPTS)
    expect(new Set(acknowledged).size).toBe(RECEIPTS)

    // A publish on one process is served by the other two (the restarted one among them) within a second.
    const session = await signInOver(servers[2]!.url)
    for (const server of servers) expect(await servedRevision(server.url)).toBe(1)
    expect(await publishChange(servers[2]!.url, session, 42)).toBe(2)
    const took = await Promise.all(
      servers
        .slice(0, 2)
        .map((server) =>
          waitUntil(`${server.url} serves revision 2`, async () => (await servedRevision(server.url)) === 2)
        )
    )
    for (const ms of took) expect(ms).toBeLessThan(1_000)

    // Every acknowledged receipt is stored (a receipt the killed one stored but never acknowledged may be too).
    const db = await createDb({ url: database.url })
    let stored: Set<string>
    try {
      stored = new Set(
        (await db.client.execute('SELECT id FROM receipts')).rows.map((row) => row.id as string)
      )
    } finally {
      await db.close()
    }
    for (const id of acknowledged) expect(stored.has(id), `acknowledged receipt ${id}`).toBe(true)
    // The servers seal and sign until the log covers every stored receipt; then they stop.
    await waitUntil(
      'a checkpoint covers every receipt',
      async () =>
        (await (await fetch(`${servers[0]!.url}/log/checkpoint`)).text()).split('\n')[1] ===
        String(stored.size),
      30_000
    )
    for (const server of servers) await stopServer(server)
    const verified = await createDb({ url: database.url })
    try {
      expect(await verifyDatabase(verified.client, env.TORII_SIGNING_KEY_FILE)).toMatchObject({
        ok: true,
        receipts: stored.size,
      })
      expect(await verifyLogInDatabase(verified.client, env.TORII_SIGNING_KEY_FILE)).toEqual({
        ok: true,
        treeSize: stored.size,
      })
    } finally {
      await verified.close()
    }
  }, 120_000)
})
