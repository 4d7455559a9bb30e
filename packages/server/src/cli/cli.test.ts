import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyPassword } from '../auth/password.ts'
import { findUser } from '../auth/users.ts'
import { createLedger } from '../ledger/index.ts'
import { keyFileBeside } from '../ledger/seal/key-file.ts'
import { captureIo } from '../testing/capture-io.ts'
import { createTestDb, sampleEntry } from '../testing/test-db.ts'
import { engineMissing, TEST_ENGINES } from '../testing/test-engines.ts'
import { ledgerOn } from '../testing/test-ledger.ts'
import { runCli } from './main.ts'

type TestDb = Awaited<ReturnType<typeof createTestDb>>
let db: TestDb
let url: string
/** The ledger's verifier key, as the operator pins it (`torii key vkey`). */
let vkey: string

describe.each(TEST_ENGINES)('on %s', (engine) => {
  beforeEach(async () => {
    db = await createTestDb(engine)
    url = db.url
    const ledger = await createLedger({ ...ledgerOn(db), batchSize: 5, batchIntervalMs: 0, warn: () => {} })
    for (let i = 0; i < 12; i++)
      await ledger.append(sampleEntry({ action: i % 2 ? 'accept-all' : 'reject-all' }))
    await ledger.seal()
    await ledger.close()
    const printed = captureIo()
    // A database that is no file has no key file beside it: its key file is named.
    const keyFile = engine === 'postgres' ? ['--key-file', keyFileBeside(db.path)] : []
    expect(await runCli(['key', 'vkey', '--db', url, ...keyFile], printed.io)).toBe(0)
    vkey = printed.out[0]!
  })

  afterEach(() => db.cleanup())

  describe.skipIf(engineMissing(engine))('torii CLI', () => {
    it('verify --db passes on an intact ledger and prints the counts', async () => {
      const { io, out } = captureIo()
      expect(await runCli(['verify', '--db', url, '--vkey', vkey], io)).toBe(0)
      expect(out.join('\n')).toMatch(/OK: .*12 receipts in 3 batches verified/)
    })

    it('verify --db exits 1 naming the changed receipt', async () => {
      const id = (await db.client.execute('SELECT id FROM receipts WHERE seq = 7')).rows[0]!.id as string
      await db.client.execute({
        sql: `UPDATE receipts SET action = 'accept-all' WHERE id = ? AND action = 'reject-all'`,
        args: [id],
      })
      await db.client.execute({ sql: `UPDATE receipts SET language = 'fr' WHERE id = ?`, args: [id] })
      const { io, out } = captureIo()
      expect(await runCli(['verify', '--db', url, '--vkey', vkey], io)).toBe(1)
      expect(out[0]).toContain(`FAILED`)
      expect(out[0]).toContain(id)
    })

    it('exports the whole ledger as NDJSON that verify --file accepts, and rejects once edited', async () => {
      const file = join(db.dir, 'ledger.ndjson')
      expect(await runCli(['export', '--ledger', '--db', url, '--out', file], captureIo().io)).toBe(0)
      const lines = readFileSync(file, 'utf8').trim().split('\n')
      expect(JSON.parse(lines[0]!).type).toBe('ledger')
      expect(lines.filter((line) => line.includes('"type":"batch"'))).toHaveLength(3)
      const ok = captureIo()
      expect(await runCli(['verify', '--file', file, '--vkey', vkey], ok.io)).toBe(0)
      expect(ok.out[0]).toMatch(/12 receipts in 3 batches verified/)
      // Edit the root of batch 2 in the file.
      const edited = lines.map((line) => {
        const record = JSON.parse(line)
        if (record.type === 'batch' && record.seq === 2) record.root = 'e'.repeat(64)
        return JSON.stringify(record)
      })
      writeFileSync(file, `${edited.join('\n')}\n`)
      const bad = captureIo()
      expect(await runCli(['verify', '--file', file, '--vkey', vkey], bad.io)).toBe(1)
      expect(bad.out[0]).toMatch(/FAILED: .*batch 2/)
    })

    it('checks the receipt hashes of a site NDJSON export, and names an edited receipt', async () => {
      const file = join(db.dir, 'site.ndjson')
      expect(
        await runCli(
          ['export', '--site', 'xtra', '--format', 'ndjson', '--db', url, '--out', file],
          captureIo().io
        )
      ).toBe(0)
      const ok = captureIo()
      expect(await runCli(['verify', '--file', file], ok.io)).toBe(0)
      expect(ok.out[0]).toMatch(/12 receipt hashes verified/)
      const lines = readFileSync(file, 'utf8').trim().split('\n')
      const edited = JSON.parse(lines[4]!)
      edited.purposes = { analytics: true, ads: true }
      lines[4] = JSON.stringify(edited)
      writeFileSync(file, `${lines.join('\n')}\n`)
      const bad = captureIo()
      expect(await runCli(['verify', '--file', file], bad.io)).toBe(1)
      expect(bad.out[0]).toContain(`receipt ${edited.id} does not match its hash`)
      writeFileSync(file, 'hello\n')
      const junk = captureIo()
      expect(await runCli(['verify', '--file', file], junk.io)).toBe(1)
      expect(junk.err[0]).toMatch(/is not an NDJSON export/)
    })

    it('exports a site as CSV to stdout with filters', async () => {
      const cap = captureIo()
      expect(
        await runCli(
          ['export', '--site', 'xtra', '--format', 'csv', '--action', 'accept-all', '--db', url],
          cap.io
        )
      ).toBe(0)
      const rows = cap.stdoutText().trim().split('\r\n')
      expect(rows).toHaveLength(7)
      expect(rows.slice(1).every((row) => row.includes(',accept-all,'))).toBe(true)
    })

    it('exits 2 with a message naming the bad argument and the usage', async () => {
      const cases: [string[], RegExp][] = [
        [['frobnicate'], /unknown command "frobnicate"/],
        [['verify', '--bogus'], /--bogus/],
        [['verify', '--db', url, '--file', 'x'], /--db and --file/],
        [['verify', '--file', '/nonexistent/file.ndjson'], /--file: no file/],
        [['verify', '--db', 'file:/nonexistent/x.db'], /--db: no database/],
        [['export', '--site', 'xtra', '--format', 'xml', '--db', url], /--format must be csv or ndjson/],
        [['export', '--format', 'csv', '--db', url], /--site ID is required/],
        [
          ['export', '--site', 'xtra', '--format', 'csv', '--action', 'maybe', '--db', url],
          /--action must be one of/,
        ],
        [['export', '--site', 'xtra', '--format', 'csv', '--consent-id', 'a b', '--db', url], /--consent-id/],
        [
          ['export', '--site', 'nosuch', '--format', 'csv', '--db', url],
          /--site: no site "nosuch" in this database/,
        ],
        [
          ['export', '--site', 'xtra', '--format', 'csv', '--out', '/nonexistent/dir/x.csv', '--db', url],
          /--out: no folder \/nonexistent\/dir to write into/,
        ],
        [
          ['export', '--site', 'xtra', '--format', 'csv', '--from', 'yesterday', '--db', url],
          /--from must be an ISO date such as 2026-11-25/,
        ],
        [['admin', 'create', '--role', 'admin', '--db', url], /--email is required/],
        [
          ['admin', 'create', '--email', 'x@example.com', '--role', 'owner', '--db', url],
          /--role must be one of admin, viewer/,
        ],
        [
          ['admin', 'create', '--email', 'x@example.com', '--password', 'a-long-password', '--db', url],
          /--password is refused/,
        ],
        [['admin', 'delete'], /unknown subcommand "delete"/],
      ]
      for (const [argv, message] of cases) {
        const cap = captureIo()
        expect(await runCli(argv, cap.io), argv.join(' ')).toBe(2)
        expect(cap.err.join('\n'), argv.join(' ')).toMatch(message)
        expect(cap.err.join('\n')).toContain('Usage: pnpm torii')
      }
    })

    it('admin create stores a user with the server password format, reading the password from stdin', async () => {
      const cap = captureIo('a-long-password\n')
      expect(
        await runCli(
          [
            'admin',
            'create',
            '--email',
            'Owner@Example.com',
            '--role',
            'viewer',
            '--password-stdin',
            '--db',
            url,
          ],
          cap.io
        )
      ).toBe(0)
      expect(cap.out[0]).toBe('created viewer owner@example.com')
      const user = await findUser(db.db, 'owner@example.com')
      expect(user?.role).toBe('viewer')
      expect(await verifyPassword('a-long-password', user!.passwordHash)).toBe(true)
      const again = captureIo('another-one\n')
      expect(
        await runCli(
          ['admin', 'create', '--email', 'owner@example.com', '--password-stdin', '--db', url],
          again.io
        )
      ).toBe(1)
      expect(again.err[0]).toMatch(/already exists/)
    })
  })

  describe.skipIf(engineMissing(engine))('torii log and key', () => {
    it('log checkpoint prints the latest signed checkpoint, and --out writes it byte for byte', async () => {
      const note = (await db.client.execute('SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1'))
        .rows[0]!.note as string
      expect(note).toMatch(/^localhost\/log\n12\n/)
      const printed = captureIo()
      expect(await runCli(['log', 'checkpoint', '--db', url], printed.io)).toBe(0)
      expect(`${printed.out.join('\n')}\n`).toBe(note)
      const file = join(db.dir, 'checkpoint')
      expect(await runCli(['log', 'checkpoint', '--db', url, '--out', file], captureIo().io)).toBe(0)
      expect(readFileSync(file, 'utf8')).toBe(note)
      const since = captureIo()
      expect(await runCli(['verify', '--db', url, '--vkey', vkey, '--since', file], since.io)).toBe(0)
      expect(since.out[1]).toMatch(
        /the log of 12 entries, .* contains the checkpoint .*checkpoint \(by consistency\)/
      )
    })

    it('exits 2 naming a bad key, log or --since argument', async () => {
      const cases: [string[], RegExp][] = [
        [['key', 'show'], /unknown subcommand "show" \(expected rotate or vkey\)/],
        [['log', 'tail'], /unknown subcommand "tail" \(expected checkpoint\)/],
        [['log', 'checkpoint', '--db', url, '--out', '/nonexistent/dir/cp'], /--out: no folder/],
        [['verify', '--file', 'x.ndjson', '--since', 'cp'], /--since checks the log in a database/],
        [['verify', '--db', url, '--vkey', vkey, '--since', '/nonexistent/cp'], /--since: no file at/],
      ]
      for (const [argv, message] of cases) {
        const cap = captureIo()
        expect(await runCli(argv, cap.io), argv.join(' ')).toBe(2)
        expect(cap.err.join('\n'), argv.join(' ')).toMatch(message)
      }
    })
  })

  describe.skipIf(engineMissing(engine))('bin/torii.mjs', () => {
    const bin = fileURLToPath(new URL('../../bin/torii.mjs', import.meta.url))
    it('runs the CLI as a process with its exit codes', () => {
      const ok = spawnSync(process.execPath, [bin, 'verify', '--db', url, '--vkey', vkey], {
        encoding: 'utf8',
      })
      expect(ok.status, ok.stderr).toBe(0)
      expect(ok.stdout).toMatch(/12 receipts in 3 batches verified/)
      const bad = spawnSync(process.execPath, [bin, 'export', '--site', 'xtra'], { encoding: 'utf8' })
      expect(bad.status).toBe(2)
      expect(bad.stderr).toMatch(/--format must be csv or ndjson/)
    }, 30_000)
  })
})
