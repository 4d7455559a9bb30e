import { chmodSync, copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../cli/main.ts'
import { createDb } from '../../db/client.ts'
import { captureIo } from '../../testing/capture-io.ts'
import { createTestDb, sampleEntry } from '../../testing/test-db.ts'
import { createLedger } from '../index.ts'
import { keyFileBeside, readKeyFile, writeKeyFile } from './key-file.ts'
import { generateSigningKey, signingKeyFromText } from './signing-key.ts'

type TestDb = Awaited<ReturnType<typeof createTestDb>>
let db: TestDb
let keyFile: string

beforeEach(async () => {
  db = await createTestDb()
  keyFile = keyFileBeside(db.path)
})
afterEach(() => db.cleanup())

async function openLedger(options: { warn?: (message: string) => void; client?: TestDb['client'] } = {}) {
  return createLedger({
    client: options.client ?? db.client,
    batchSize: 4,
    batchIntervalMs: 0,
    warn: options.warn ?? (() => {}),
  })
}

async function cli(...argv: string[]) {
  const { io, out, err } = captureIo()
  return { code: await runCli(argv, io), out, err }
}

describe('the signing key lives in a file beside the database', () => {
  it('upgrades a database whose key an older Torii kept in ledger_keys: into the key file once, then out of the database', async () => {
    // What the server wrote before: the generated key's private half in ledger_keys.
    const legacy = signingKeyFromText(generateSigningKey())
    await db.client.execute({
      sql: 'INSERT INTO ledger_keys (id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)',
      args: [
        legacy.id,
        legacy.publicKey,
        legacy.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        '2026-11-01T00:00:00.000Z',
      ],
    })
    const warnings: string[] = []
    const ledger = await openLedger({ warn: (message) => warnings.push(message) })
    expect(ledger.keyId).toBe(legacy.id)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(readKeyFile(keyFile)?.signingKey.id).toBe(legacy.id)
    const rows = (await db.client.execute('SELECT id, public_key, private_key FROM ledger_keys')).rows
    expect(rows.map((row) => [row.id, row.public_key, row.private_key])).toEqual([
      [legacy.id, legacy.publicKey, null],
    ])
    expect(warnings.join('\n')).toMatch(
      new RegExp(`moved the ledger signing key ${legacy.id} .*into ${keyFile}`)
    )
    expect(warnings.join('\n')).toMatch(/removed the private half of ledger key/)
    await ledger.append(sampleEntry())
    await ledger.seal()
    expect(await ledger.verify()).toMatchObject({ ok: true, batches: 1 })
    await ledger.close()
    // Once upgraded, opening again says nothing more.
    const quiet: string[] = []
    await (await openLedger({ warn: (message) => quiet.push(message) })).close()
    expect(quiet).toEqual([])
  })

  it("keeps an older Torii's key that is not the signing key: retired in the key file, or left with a warning", async () => {
    // A batch signed by the key an older Torii kept in ledger_keys, its private half still there.
    const legacyPkcs8 = generateSigningKey()
    const legacy = signingKeyFromText(legacyPkcs8)
    const first = await createLedger({ client: db.client, signingKey: legacyPkcs8, batchIntervalMs: 0 })
    await first.append(sampleEntry())
    await first.seal()
    await first.close()
    const restoreLegacy = () =>
      db.client.execute({
        sql: 'UPDATE ledger_keys SET private_key = ? WHERE id = ?',
        args: [legacyPkcs8, legacy.id],
      })
    const privateOf = async (id: string) =>
      (await db.client.execute({ sql: 'SELECT private_key FROM ledger_keys WHERE id = ?', args: [id] }))
        .rows[0]!.private_key
    await restoreLegacy()
    const envKey = generateSigningKey()

    // TORII_SIGNING_KEY and no key file: the key stays in the database, with a warning saying how to move it.
    const warnings: string[] = []
    const envOnly = await createLedger({
      client: db.client,
      signingKey: envKey,
      batchIntervalMs: 0,
      warn: (m) => warnings.push(m),
    })
    await envOnly.close()
    expect(await privateOf(legacy.id)).toBe(legacyPkcs8)
    expect(warnings.join('\n')).toMatch(new RegExp(`ledger key ${legacy.id} .*docs/log-operations.md`))

    // With a key file: its public half is kept there as retired, then its private half leaves the database.
    const fileKey = signingKeyFromText(generateSigningKey())
    writeKeyFile(keyFile, { signingKey: fileKey, retired: [] }, false)
    const withFile = await createLedger({
      client: db.client,
      signingKey: envKey,
      batchIntervalMs: 0,
      warn: () => {},
    })
    expect(await privateOf(legacy.id)).toBeNull()
    expect(readKeyFile(keyFile)!.retired.map((key) => key.id)).toEqual([legacy.id])
    expect(await withFile.verify()).toMatchObject({ ok: true, batches: 1 })
    await withFile.close()

    // Without TORII_SIGNING_KEY, a key file already there: the same.
    rmSync(keyFile)
    writeKeyFile(keyFile, { signingKey: fileKey, retired: [] }, false)
    await restoreLegacy()
    const fromFile = await openLedger()
    expect(await privateOf(legacy.id)).toBeNull()
    expect(readKeyFile(keyFile)!.retired.map((key) => key.id)).toEqual([legacy.id])
    expect(await fromFile.verify()).toMatchObject({ ok: true, batches: 1 })
    await fromFile.close()
  })

  it('refuses to sign a copied database without its key file, naming the file, and never makes a new key for it', async () => {
    const ledger = await openLedger()
    await ledger.append(sampleEntry())
    await ledger.seal()
    await ledger.close()
    const copy = join(db.dir, 'copy.db')
    await db.client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    copyFileSync(db.path, copy)
    const copied = await createDb({ url: `file:${copy}` })
    try {
      await expect(openLedger({ client: copied.client })).rejects.toThrow(
        new RegExp(`no signing key file at ${keyFileBeside(copy)}: this ledger already has the signing key`)
      )
      expect(readKeyFile(keyFileBeside(copy))).toBeNull()
    } finally {
      copied.close()
    }
  })

  it('refuses a key file others can read, and one that holds no key, with errors naming the file', async () => {
    await (await openLedger()).close()
    chmodSync(keyFile, 0o644)
    await expect(openLedger()).rejects.toThrow(
      `the signing key file ${keyFile} can be read by others (mode 644)`
    )
    writeFileSync(keyFile, 'not a key\n', { mode: 0o600 })
    chmodSync(keyFile, 0o600)
    await expect(openLedger()).rejects.toThrow(`the signing key file ${keyFile} is not a key file`)
    const pem = `-----BEGIN PRIVATE KEY-----\n${Buffer.from('garbage').toString('base64')}\n-----END PRIVATE KEY-----\n`
    writeFileSync(keyFile, pem)
    await expect(openLedger()).rejects.toThrow(
      `the signing key file ${keyFile} is not an Ed25519 private key`
    )
  })

  it('key rotate: new batches signed by the new key, the old public key kept for verification', async () => {
    const ledger = await openLedger()
    for (let i = 0; i < 4; i++) await ledger.append(sampleEntry())
    await ledger.seal()
    await ledger.close()
    const oldId = ledger.keyId
    const oldVkey = (await cli('key', 'vkey', '--db', `file:${db.path}`)).out
    const rotated = await cli('key', 'rotate', '--db', `file:${db.path}`)
    expect(rotated.code, rotated.err.join('\n')).toBe(0)
    expect(rotated.out.join('\n')).toContain(`kept for verification: ${oldId}`)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    const content = readKeyFile(keyFile)!
    expect(content.retired.map((key) => key.id)).toEqual([oldId])

    const next = await openLedger()
    expect(next.keyId).toBe(content.signingKey.id)
    for (let i = 0; i < 4; i++) await next.append(sampleEntry())
    await next.seal()
    expect(await next.verify()).toMatchObject({ ok: true, batches: 2 })
    await next.close()
    const keyIds = (await db.client.execute('SELECT key_id FROM batches ORDER BY seq')).rows.map(
      (r) => r.key_id
    )
    expect(keyIds).toEqual([oldId, content.signingKey.id])
    expect(
      (await db.client.execute('SELECT id FROM ledger_keys ORDER BY created_at')).rows.map((r) => r.id)
    ).toEqual([oldId, content.signingKey.id])

    const vkeys = (await cli('key', 'vkey', '--db', `file:${db.path}`)).out
    expect(vkeys).toHaveLength(2)
    expect(vkeys[1]).toBe(oldVkey[0])
    const vkeyFile = join(db.dir, 'pinned.vkeys')
    writeFileSync(vkeyFile, `# pinned by the auditor\n${vkeys.join('\n')}\n`)
    expect((await cli('verify', '--db', `file:${db.path}`, '--vkey', vkeyFile)).code).toBe(0)
    // The new key alone does not cover the batch the old one signed.
    const newOnly = await cli('verify', '--db', `file:${db.path}`, '--vkey', vkeys[0]!)
    expect(newOnly.code).toBe(1)
    expect(newOnly.out[0]).toContain(`batch 1 is signed by key ${oldId}, which is not a trusted key`)
  })

  it('with TORII_SIGNING_KEY: key vkey prints that key, key rotate refuses (the environment holds the key)', async () => {
    const pkcs8 = generateSigningKey()
    const ledger = await createLedger({ client: db.client, signingKey: pkcs8, batchIntervalMs: 0 })
    await ledger.close()
    process.env.TORII_SIGNING_KEY = pkcs8
    try {
      const vkey = await cli('key', 'vkey', '--db', `file:${db.path}`)
      expect(vkey.out).toHaveLength(1)
      const verified = await cli('verify', '--db', `file:${db.path}`, '--vkey', vkey.out[0]!)
      expect(verified.code, verified.out.join('\n')).toBe(0)
      const rotated = await cli('key', 'rotate', '--db', `file:${db.path}`)
      expect(rotated.code).toBe(1)
      expect(rotated.err[0]).toMatch(/TORII_SIGNING_KEY is set/)
      expect(readKeyFile(keyFile)).toBeNull()
    } finally {
      delete process.env.TORII_SIGNING_KEY
    }
  })

  it('keeps a lost key lost: without its file the ledger does not start, key rotate starts a new key on purpose', async () => {
    const ledger = await openLedger()
    await ledger.append(sampleEntry())
    await ledger.seal()
    await ledger.close()
    rmSync(keyFile)
    await expect(openLedger()).rejects.toThrow(/no signing key file/)
    const rotated = await cli('key', 'rotate', '--db', `file:${db.path}`)
    expect(rotated.code).toBe(0)
    expect(rotated.out.join('\n')).toContain('there was no key file')
    const next = await openLedger()
    expect(next.keyId).not.toBe(ledger.keyId)
    await next.close()
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/)
  })
})
