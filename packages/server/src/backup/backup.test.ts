import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../cli/main.ts'
import { captureIo } from '../testing/capture-io.ts'
import {
  postReceipt,
  type ServersOnOneFile,
  serversOnOneFile,
  stopServer,
} from '../testing/servers-on-one-file.ts'

let servers: ServersOnOneFile | null = null
afterEach(async () => {
  await servers?.cleanup()
  servers = null
})

async function cli(argv: string[]) {
  const { io, out, err } = captureIo()
  const code = await runCli(argv, io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

async function readFile<T>(url: string, read: (client: ReturnType<typeof createClient>) => Promise<T>) {
  const client = createClient({ url })
  try {
    return await read(client)
  } finally {
    client.close()
  }
}

const countReceipts = (url: string) =>
  readFile(url, async (client) =>
    Number((await client.execute('SELECT count(*) AS n FROM receipts')).rows[0]!.n)
  )
const latestCheckpoint = (url: string) =>
  readFile(
    url,
    async (client) =>
      (await client.execute('SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1')).rows[0]?.note
  )

describe('torii backup and restore', () => {
  it('back up a server’s database under write load; the restore verifies with the same log head', async () => {
    servers = serversOnOneFile({ sealBatchSize: 16, sealIntervalMs: 50 })
    const server = await servers.start()
    const dir = servers.dbUrl.slice('file:'.length).replace(/\/torii\.db$/, '')
    const backupFile = join(dir, 'backup.db')
    const restoredUrl = `file:${join(dir, 'restored.db')}`

    // Eight clients post receipts without pause; each POST's span is kept to see how long one waited.
    const posts: { start: number; end: number }[] = []
    let sent = 0
    let stop = false
    let backupDone = false
    let ackedAfterBackup = 0
    const client = async () => {
      while (!stop) {
        const start = performance.now()
        const res = await postReceipt(server.url, sent++)
        if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${await res.text()}`)
        await res.body?.cancel()
        posts.push({ start, end: performance.now() })
        if (backupDone && ++ackedAfterBackup >= 40) stop = true
      }
    }
    const load = Promise.all(Array.from({ length: 8 }, client))
    await expect.poll(() => posts.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(150)

    const backupStart = performance.now()
    const backup = await cli(['backup', '--out', backupFile, '--db', servers.dbUrl])
    const backupEnd = performance.now()
    backupDone = true
    await load
    expect(backup.code, backup.err).toBe(0)
    expect(backup.out).toMatch(/^backup: wrote .*backup\.db \(\d+ bytes\) in \d+ ms/)
    for (const rows of [/\bsites 1\b/, /\bdrafts 1\b/, /\brevisions 1\b/, /\busers 1\b/, /\breceipts \d+/])
      expect(backup.out).toMatch(rows)
    expect(backup.out).toMatch(
      /not in the backup: the ledger's signing key\. Back up .*torii-signing-key\.pem separately/
    )

    // How long receipts waited while the snapshot was read: the longest POST that overlapped it.
    const during = posts.filter((post) => post.end > backupStart && post.start < backupEnd)
    const before = posts.filter((post) => post.end <= backupStart)
    const longest = (spans: typeof posts) => Math.max(0, ...spans.map((post) => post.end - post.start))
    console.info(
      `backup took ${Math.round(backupEnd - backupStart)} ms; longest receipt POST during it ${Math.round(longest(during))} ms (${during.length} POSTs), before it ${Math.round(longest(before))} ms`
    )
    expect(longest(during)).toBeLessThan(2_000)

    await stopServer(server)
    const backupUrl = `file:${backupFile}`
    const inBackup = await countReceipts(backupUrl)
    // Taken mid-load: the live database went on receiving receipts after the snapshot.
    expect(await countReceipts(servers.dbUrl)).toBeGreaterThan(inBackup)
    const backupHead = await latestCheckpoint(backupUrl)
    expect(backupHead).toBeTruthy()

    const restore = await cli(['restore', backupFile, '--db', restoredUrl])
    expect(restore.code, restore.err).toBe(0)
    expect(restore.out).toMatch(/sessions are not restored/)
    expect(restore.out).toMatch(/the signing key is not in a backup/)
    expect(await countReceipts(restoredUrl)).toBe(inBackup)
    const head = await cli(['log', 'checkpoint', '--db', restoredUrl])
    expect(`${head.out}\n`).toBe(backupHead)
    expect(backup.out).toContain(restore.out.split('\n')[2]!.trim())

    const vkey = (await cli(['key', 'vkey', '--db', servers.dbUrl])).out
    const verified = await cli(['verify', '--db', restoredUrl, '--vkey', vkey])
    expect(verified.code, verified.out).toBe(0)
    expect(verified.out).toMatch(new RegExp(`OK: .*${inBackup} receipts in \\d+ batches verified`))

    // A second restore into the same database is refused, naming it and what it holds.
    const again = await cli(['restore', backupFile, '--db', restoredUrl])
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/restore: file:.*restored\.db is not empty: .*sites \(1\), .*receipts \(\d+\)/)
    expect(await countReceipts(restoredUrl)).toBe(inBackup)
  }, 120_000)

  it('refuses an existing --out, a remote database and a file that is not a backup, naming each', async () => {
    servers = serversOnOneFile({ sealBatchSize: 16, sealIntervalMs: 50 })
    const dir = servers.dbUrl.slice('file:'.length).replace(/\/torii\.db$/, '')
    await servers.readDatabase(async () => {})
    const exists = await cli(['backup', '--out', join(dir, 'torii.db'), '--db', servers.dbUrl])
    expect(exists.code).toBe(2)
    expect(exists.err).toMatch(/--out: .*torii\.db already exists/)
    const noOut = await cli(['backup', '--db', servers.dbUrl])
    expect(noOut.err).toMatch(/--out FILE is required/)
    const notBackup = join(dir, 'not-a-backup.db')
    await readFile(`file:${notBackup}`, (client) => client.execute('CREATE TABLE notes (text TEXT)'))
    const wrong = await cli(['restore', notBackup, '--db', `file:${join(dir, 'new.db')}`])
    expect(wrong.code).toBe(1)
    expect(wrong.err).toMatch(/not-a-backup\.db is not a Torii backup \(no table sites\)/)
    const noDb = await cli(['restore', notBackup])
    expect(noDb.err).toMatch(/--db URL is required/)
  })
})
