// torii backup / restore on PostgreSQL: a libSQL backup restored into PostgreSQL and back (the migration path
// from the embedded default), and a backup of PostgreSQL under write load.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Client, createClient } from '@libsql/client'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../cli/main.ts'
import { createPostgresPool } from '../db/postgres-client.ts'
import { captureIo } from '../testing/capture-io.ts'
import { createPgDatabase } from '../testing/pg-cluster.ts'
import { spawnServer } from '../testing/server-process.ts'
import {
  postReceipt,
  type ServersOnOneFile,
  serversOnOneFile,
  stopServer,
} from '../testing/servers-on-one-file.ts'
import { engineMissing, pgAdminUrl } from '../testing/test-engines.ts'
import { copyPlan } from './copy-plan.ts'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function cli(argv: string[]) {
  const { io, out, err } = captureIo()
  const code = await runCli(argv, io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

async function withFile<T>(file: string, read: (client: Client) => Promise<T>): Promise<T> {
  const client = createClient({ url: `file:${file}` })
  try {
    return await read(client)
  } finally {
    client.close()
  }
}

/** Every row of every data table but `skip`, in primary key order: what two backups must hold alike. */
const contents = (file: string, skip: string[]) =>
  withFile(file, async (client) => {
    const tables: Record<string, unknown[]> = {}
    for (const table of await copyPlan(client)) {
      if (skip.includes(table.name)) continue
      const order = (table.key.length ? table.key : table.columns).map((c) => `"${c}"`).join(', ')
      tables[table.name] = (await client.execute(`SELECT * FROM "${table.name}" ORDER BY ${order}`)).rows.map(
        (row) => ({ ...row })
      )
    }
    return tables
  })

/** A PostgreSQL database for this test, dropped after it. */
async function freshPostgres(): Promise<string> {
  const database = await createPgDatabase(pgAdminUrl(), 'torii_backup')
  cleanups.push(database.drop)
  return database.url
}

/** A libSQL server's database with receipts and two audit log entries, stopped; answers the servers. */
async function filledLibsql(receipts: number): Promise<ServersOnOneFile> {
  const servers = serversOnOneFile({ sealBatchSize: 16, sealIntervalMs: 50 })
  cleanups.push(() => servers.cleanup())
  const server = await servers.start()
  for (let n = 0; n < receipts; n++) {
    const res = await postReceipt(server.url, n)
    expect(res.status, await res.text()).toBe(201)
  }
  await stopServer(server)
  // The audit log's ids come from an identity column on PostgreSQL: a restore must carry its sequence on.
  await servers.readDatabase(async (client) => {
    for (const actor of ['a@example.com', 'b@example.com'])
      await client.execute({
        sql: `INSERT INTO audit_log (at, actor, action, site_id, detail) VALUES (?, ?, 'site.publish', 'xtra', '{}')`,
        args: [new Date().toISOString(), actor],
      })
  })
  return servers
}

describe.skipIf(engineMissing('postgres'))('torii backup and restore on PostgreSQL', () => {
  it('libSQL → PostgreSQL → libSQL: the same rows, and the ledger verifies with the same log head', async () => {
    const servers = await filledLibsql(40)
    const dir = servers.dbUrl.slice('file:'.length).replace(/\/torii\.db$/, '')
    const fromLibsql = join(dir, 'from-libsql.db')
    const fromPostgres = join(dir, 'from-postgres.db')
    const pgUrl = await freshPostgres()

    expect((await cli(['backup', '--out', fromLibsql, '--db', servers.dbUrl])).code).toBe(0)
    const restore = await cli(['restore', fromLibsql, '--db', pgUrl])
    expect(restore.code, restore.err).toBe(0)
    expect(restore.out).toMatch(/restored into postgres:\/\/postgres@127\.0\.0\.1:\d+\/torii_backup_/)
    expect(restore.out).toMatch(/\breceipts 40\b/)
    expect(restore.out).toMatch(/the signing key is not in a backup: give the servers the key/)

    const backup = await cli(['backup', '--out', fromPostgres, '--db', pgUrl])
    expect(backup.code, backup.err).toBe(0)
    expect(backup.out).toMatch(/^backup: wrote .*from-postgres\.db \(\d+ bytes\) in \d+ ms/)
    expect(backup.out).toMatch(/not in the backup: the ledger's signing key\./)
    // The same kind of file with the same rows (sign-ins are not restored, so not in the second backup).
    expect(await contents(fromPostgres, ['sessions'])).toEqual(await contents(fromLibsql, ['sessions']))

    const restoredUrl = `file:${join(dir, 'restored.db')}`
    const back = await cli(['restore', fromPostgres, '--db', restoredUrl])
    expect(back.code, back.err).toBe(0)
    const originalHead = await cli(['log', 'checkpoint', '--db', servers.dbUrl])
    expect(originalHead.code).toBe(0)
    expect((await cli(['log', 'checkpoint', '--db', restoredUrl])).out).toBe(originalHead.out)
    const vkey = (await cli(['key', 'vkey', '--db', servers.dbUrl])).out
    const verified = await cli(['verify', '--db', restoredUrl, '--vkey', vkey])
    expect(verified.code, verified.out).toBe(0)
    expect(verified.out).toMatch(/OK: .*40 receipts in \d+ batches verified/)

    // The audit log's next id on PostgreSQL follows the restored ones (identity sequences are reset).
    const pool = createPostgresPool(pgUrl, { max: 1 })
    try {
      const [next] = (
        await pool.query(
          `INSERT INTO audit_log (at, actor, action) VALUES ('2026-12-07T00:00:00Z', 'c@example.com', 'site.publish') RETURNING id`
        )
      ).rows
      expect(Number(next!.id)).toBe(3)
    } finally {
      await pool.end()
    }
  }, 120_000)

  it('refuses to restore into a PostgreSQL database that holds rows, naming its tables and not the password', async () => {
    const servers = await filledLibsql(3)
    const dir = servers.dbUrl.slice('file:'.length).replace(/\/torii\.db$/, '')
    const file = join(dir, 'backup.db')
    expect((await cli(['backup', '--out', file, '--db', servers.dbUrl])).code).toBe(0)
    const pgUrl = await freshPostgres()
    expect((await cli(['restore', file, '--db', pgUrl])).code).toBe(0)
    const withPassword = pgUrl.replace('postgres@', 'postgres:hunter2@')
    const again = await cli(['restore', file, '--db', withPassword])
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/restore: postgres:\/\/postgres@.* is not empty: .*receipts \(3\)/)
    expect(again.err).not.toContain('hunter2')
  }, 60_000)

  it('backs up a server’s PostgreSQL database under write load; restored into another, it verifies with the same log head', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'torii-backup-pg-'))
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
    const pgUrl = await freshPostgres()
    const server = await spawnServer({
      TORII_DB_URL: pgUrl,
      TORII_SIGNING_KEY_FILE: join(dir, 'signing-key.pem'),
      TORII_SEAL_BATCH_SIZE: '16',
      TORII_SEAL_INTERVAL_MS: '50',
    })
    cleanups.push(async () => {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL')
        await server.exited
      }
    })
    const vkey = await (await fetch(`${server.url}/log/vkey`)).text()

    // Eight clients post receipts without pause until 40 more are acknowledged after the backup.
    let sent = 0
    let acked = 0
    let backupDone = false
    let ackedAfterBackup = 0
    const client = async () => {
      while (!backupDone || ackedAfterBackup < 40) {
        const res = await postReceipt(server.url, sent++)
        if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${await res.text()}`)
        await res.body?.cancel()
        acked++
        if (backupDone) ackedAfterBackup++
      }
    }
    const load = Promise.all(Array.from({ length: 8 }, client))
    await expect.poll(() => acked, { timeout: 30_000 }).toBeGreaterThanOrEqual(150)
    const backupFile = join(dir, 'backup.db')
    const backup = await cli(['backup', '--out', backupFile, '--db', pgUrl])
    backupDone = true
    await load
    expect(backup.code, backup.err).toBe(0)
    for (const rows of [/\bsites 1\b/, /\bdrafts 1\b/, /\brevisions 1\b/, /\busers 1\b/, /\breceipts \d+/])
      expect(backup.out).toMatch(rows)
    expect(backup.out).toMatch(/Back up the key file your servers read \(TORII_SIGNING_KEY_FILE\)/)
    server.child.kill('SIGTERM')
    await server.exited

    const inBackup = await withFile(backupFile, async (file) =>
      Number((await file.execute('SELECT count(*) AS n FROM receipts')).rows[0]!.n)
    )
    const backupHead = await withFile(
      backupFile,
      async (file) =>
        (await file.execute('SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1')).rows[0]?.note
    )
    expect(backupHead).toBeTruthy()
    // Taken mid-load: the live database went on receiving receipts after the snapshot.
    const live = createPostgresPool(pgUrl, { max: 1 })
    try {
      const [row] = (await live.query('SELECT count(*)::int AS n FROM receipts')).rows
      expect(row!.n).toBeGreaterThan(inBackup)
    } finally {
      await live.end()
    }

    const restoredUrl = await freshPostgres()
    const restore = await cli(['restore', backupFile, '--db', restoredUrl])
    expect(restore.code, restore.err).toBe(0)
    expect(restore.out).toMatch(new RegExp(`\\breceipts ${inBackup}\\b`))
    const head = await cli(['log', 'checkpoint', '--db', restoredUrl])
    expect(`${head.out}\n`).toBe(backupHead)
    const verified = await cli(['verify', '--db', restoredUrl, '--vkey', vkey])
    expect(verified.code, verified.out).toBe(0)
    expect(verified.out).toMatch(new RegExp(`OK: .*${inBackup} receipts in \\d+ batches verified`))
  }, 120_000)
})
