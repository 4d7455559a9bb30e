// Issue #16's security review, as tests: each attack on a copy of a real database, checked with the real CLI.

import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatVerifierKey } from '@torii/schema/log'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLedger } from '../ledger/index.ts'
import { PAYLOAD_FIELDS } from '../ledger/record/receipt-fields.ts'
import { keyFileBeside } from '../ledger/seal/key-file.ts'
import type { SigningKey } from '../ledger/seal/signing-key.ts'
import { captureIo } from '../testing/capture-io.ts'
import { cutNewestBatches, resignBatches, resignLog, rewriteAction } from '../testing/ledger-forgery.ts'
import { createTestDb, sampleEntry } from '../testing/test-db.ts'
import { engineMissing, TEST_ENGINES } from '../testing/test-engines.ts'
import { ledgerOn } from '../testing/test-ledger.ts'
import { runCli } from './main.ts'

const ORIGIN = 'consent.example.test/log'

type TestDb = Awaited<ReturnType<typeof createTestDb>>
let db: TestDb
let url: string

async function cli(...argv: string[]) {
  const cap = captureIo()
  const code = await runCli(argv, cap.io)
  return { code, ...cap }
}

/** A key as an attacker or an operator makes one: PKCS8 DER base64 (TORII_SIGNING_KEY) and its parts. */
function newKey() {
  const { privateKey } = generateKeyPairSync('ed25519')
  return keyParts(privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'))
}

function keyParts(pkcs8: string) {
  const privateKey = createPrivateKey({ key: Buffer.from(pkcs8, 'base64'), format: 'der', type: 'pkcs8' })
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' })
  return { pkcs8, privateKey, spki, raw: new Uint8Array(spki.subarray(spki.length - 32)) }
}

/** The C2SP verifier key text, computed here rather than by the server: what an auditor pins. */
const vkeyOf = (key: { raw: Uint8Array }) => formatVerifierKey(ORIGIN, key.raw)

/** The ledger's key as the batch signer knows it (id = the server's legacy SPKI key id). */
async function signerOf(key: ReturnType<typeof newKey>): Promise<SigningKey> {
  const { keyIdOf } = await import('../ledger/seal/signing-key.ts')
  const publicKey = key.spki.toString('base64')
  return { id: keyIdOf(publicKey), publicKey, privateKey: key.privateKey }
}

describe.each(TEST_ENGINES)('on %s', (engine) => {
  async function fillLedger(signingKey?: string, receipts = 12) {
    const ledger = await createLedger({
      ...ledgerOn(db),
      signingKey,
      logOrigin: ORIGIN,
      batchSize: 4,
      batchIntervalMs: 0,
      warn: () => {},
    })
    // Sealed (and checkpointed) batch by batch, as a server under a steady trickle would.
    for (let i = 0; i < receipts; i++) {
      await ledger.append(sampleEntry({ action: i % 2 ? 'accept-all' : 'reject-all' }))
      if (i % 4 === 3) await ledger.seal()
    }
    await ledger.seal()
    return ledger
  }

  /** `torii log checkpoint` saved to a file, as a monitor keeps one. */
  async function saveCheckpoint(name: string): Promise<string> {
    const printed = await cli('log', 'checkpoint', '--db', url)
    expect(printed.code, printed.text()).toBe(0)
    const file = join(db.dir, name)
    writeFileSync(file, `${printed.out.join('\n')}\n`)
    return file
  }

  beforeEach(async () => {
    db = await createTestDb(engine)
    url = db.url
    process.env.TORII_LOG_ORIGIN = ORIGIN
  })
  afterEach(() => {
    delete process.env.TORII_LOG_ORIGIN
    return db.cleanup()
  })

  describe.skipIf(engineMissing(engine))('verify against the attacks of issue #16', () => {
    it('refuses a history re-signed with a key added to the database, even with the real key out of it', async () => {
      const real = newKey()
      await (await fillLedger(real.pkcs8)).close()
      expect((await cli('verify', '--db', url, '--vkey', await vkeyOf(real))).code).toBe(0)

      const forged = newKey()
      const forger = await signerOf(forged)
      const receiptId = await rewriteAction(db.client, 5, 'accept-all')
      await db.client.execute({
        sql: 'INSERT INTO ledger_keys (id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)',
        args: [forger.id, forger.publicKey, forged.pkcs8, new Date().toISOString()],
      })
      await resignBatches(db.client, forger)
      await resignLog(db.client, forger, ORIGIN)
      // Today's check, with keys from the database, would say OK; the server's own and --vkey must not.

      const result = await cli('verify', '--db', url, '--vkey', await vkeyOf(real))
      expect(result.code, result.text()).toBe(1)
      expect(result.out[0]).toMatch(
        new RegExp(`FAILED: .*(batch 1 is signed by key ${forger.id}|${receiptId})`)
      )
      // The server's own checks (the admin's "verified" badge) trust its key, not the database's list.
      const server = await createLedger({
        ...ledgerOn(db),
        signingKey: real.pkcs8,
        logOrigin: ORIGIN,
        batchIntervalMs: 0,
      })
      expect(await server.verifyReceipt(receiptId)).toMatchObject({ ok: false })
      expect(await server.verify()).toMatchObject({ ok: false })
      await server.close()
      // The export carries the forged key in its header: --file must not trust it either.
      const file = join(db.dir, 'ledger.ndjson')
      expect((await cli('export', '--ledger', '--db', url, '--out', file)).code).toBe(0)
      expect((await cli('verify', '--file', file, '--vkey', await vkeyOf(real))).code).toBe(1)
    })

    it('refuses to verify without a verifier key given out of band, and a key whose id is not its own', async () => {
      await (await fillLedger()).close()
      const none = await cli('verify', '--db', url)
      expect(none.code).toBe(2)
      expect(none.err[0]).toMatch(/--vkey/)
      const real = newKey()
      const vkey = await vkeyOf(real)
      const name = vkey.slice(0, vkey.indexOf('+'))
      const id = vkey.slice(name.length + 1, name.length + 9)
      const wrongId = `${name}+${id === '00000000' ? '00000001' : '00000000'}+${vkey.slice(name.length + 10)}`
      const mismatch = await cli('verify', '--db', url, '--vkey', wrongId)
      expect(mismatch.code).toBe(2)
      expect(mismatch.err[0]).toMatch(/key id/)
      const typo = await cli('verify', '--db', url, '--vkey', 'no-such-file.vkeys')
      expect(typo.code).toBe(2)
      expect(typo.err[0]).toMatch(
        /--vkey: no file at .*no-such-file.vkeys, and "no-such-file.vkeys" is not a verifier key/
      )
      // A key file the operator pinned: TORII_VKEY, when no --vkey is given.
      const pinned = join(db.dir, 'pinned.vkeys')
      // A database that is no file has no key file beside it: its key file is named.
      const keyFile = engine === 'postgres' ? ['--key-file', keyFileBeside(db.path)] : []
      writeFileSync(pinned, `${(await cli('key', 'vkey', '--db', url, ...keyFile)).out.join('\n')}\n`)
      process.env.TORII_VKEY = pinned
      try {
        const ok = await cli('verify', '--db', url)
        expect(ok.code, ok.text()).toBe(0)
        expect((await cli('verify', '--db', url, '--vkey', vkey)).code).toBe(1)
      } finally {
        delete process.env.TORII_VKEY
      }
    })

    it("catches a faked erasure: the erased receipt's action, time or revision changed", async () => {
      const real = newKey()
      const ledger = await fillLedger(real.pkcs8, 4)
      const erased = await ledger.append(
        sampleEntry({ consentId: 'erase-me-0000000001', action: 'reject-all' })
      )
      await ledger.seal()
      expect(await ledger.erase('xtra', 'erase-me-0000000001')).toBe(1)
      await ledger.seal()
      await ledger.close()
      const vkey = await vkeyOf(real)
      expect((await cli('verify', '--db', url, '--vkey', vkey)).code).toBe(0)
      for (const [column, value] of [
        ['action', 'accept-all'],
        ['issued_at', '2020-01-01T00:00:00.000Z'],
        ['revision', 2],
      ] as const) {
        const before = (
          await db.client.execute({
            sql: `SELECT ${column} AS v FROM receipts WHERE id = ?`,
            args: [erased.id],
          })
        ).rows[0]!.v
        await db.client.execute({
          sql: `UPDATE receipts SET ${column} = ? WHERE id = ?`,
          args: [value, erased.id],
        })
        const result = await cli('verify', '--db', url, '--vkey', vkey)
        expect(result.code, `${column}: ${result.text()}`).toBe(1)
        expect(result.out[0]).toContain(erased.id)
        await db.client.execute({
          sql: `UPDATE receipts SET ${column} = ? WHERE id = ?`,
          args: [before, erased.id],
        })
      }
      expect((await cli('verify', '--db', url, '--vkey', vkey)).code).toBe(0)
    })

    it('catches a v1 receipt passed off as an erased version 0 one, its kept fields changed', async () => {
      const real = newKey()
      await (await fillLedger(real.pkcs8)).close()
      const vkey = await vkeyOf(real)
      expect((await cli('verify', '--db', url, '--vkey', vkey)).code).toBe(0)
      // seq 1 is the first v1 receipt, so only its missing erasure tells; seq 5 follows v1 receipts.
      for (const seq of [1, 5]) {
        const id = (await db.client.execute({ sql: 'SELECT id FROM receipts WHERE seq = ?', args: [seq] }))
          .rows[0]!.id as string
        await db.client.execute({
          sql: `UPDATE receipts SET leaf_version = NULL, erased_at = '2030-01-01T00:00:00.000Z', ${PAYLOAD_FIELDS.map(
            (field) => `${field.column} = NULL`
          ).join(', ')}, action = 'accept-all', region_model = 'opt-in' WHERE seq = ?`,
          args: [seq],
        })
        const result = await cli('verify', '--db', url, '--vkey', vkey)
        expect(result.code, `seq ${seq}: ${result.text()}`).toBe(1)
        expect(result.out[0]).toContain(id)
      }
    })

    it('catches the newest batches cut off, given a checkpoint saved before', async () => {
      const real = newKey()
      await (await fillLedger(real.pkcs8)).close()
      const since = await saveCheckpoint('checkpoint-12.txt')
      await cutNewestBatches(db.client, 1)
      expect((await cli('verify', '--db', url, '--vkey', await vkeyOf(real))).code).toBe(0)
      const result = await cli('verify', '--db', url, '--vkey', await vkeyOf(real), '--since', since)
      expect(result.code, result.text()).toBe(1)
      expect(result.out[0]).toMatch(/FAILED: .*12/)
    })

    it('catches a history rewritten and re-signed with the real key, by consistency with an older checkpoint', async () => {
      const real = newKey()
      const ledger = await fillLedger(real.pkcs8)
      const since = await saveCheckpoint('checkpoint-12.txt')
      for (let i = 0; i < 4; i++) await ledger.append(sampleEntry())
      await ledger.seal()
      await ledger.close()
      const vkey = await vkeyOf(real)
      expect((await cli('verify', '--db', url, '--vkey', vkey, '--since', since)).code).toBe(0)

      await rewriteAction(db.client, 3, 'accept-all')
      await resignBatches(db.client, await signerOf(real))
      await resignLog(db.client, await signerOf(real), ORIGIN)
      // On its own the rewritten ledger is consistent and signed by the real key: only an older checkpoint tells.
      const alone = await cli('verify', '--db', url, '--vkey', vkey)
      expect(alone.code, alone.text()).toBe(0)
      const result = await cli('verify', '--db', url, '--vkey', vkey, '--since', since)
      expect(result.code, result.text()).toBe(1)
      expect(result.out[0]).toMatch(/FAILED: .*(consisten|12)/)
    })

    // Only a database file has a key file beside it (and a file to search for the key).
    it.skipIf(engine === 'postgres')(
      'keeps the signing key out of the database file, in a key file of mode 0600 beside it',
      async () => {
        const ledger = await fillLedger()
        await ledger.close()
        await db.client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
        const keyFile = join(db.dir, 'torii-signing-key.pem')
        expect(statSync(keyFile).mode & 0o777).toBe(0o600)
        const key = createPrivateKey(readFileSync(keyFile, 'utf8'))
        const pkcs8 = key.export({ format: 'der', type: 'pkcs8' })
        const seed = pkcs8.subarray(pkcs8.length - 32)
        const bytes = Buffer.concat([readFileSync(db.path), readWal()])
        for (const secret of [
          seed,
          Buffer.from(pkcs8.toString('base64')),
          Buffer.from(seed.toString('base64')),
        ]) {
          expect(bytes.includes(secret)).toBe(false)
        }
      }
    )
  })

  function readWal(): Buffer {
    try {
      return readFileSync(`${db.path}-wal`)
    } catch {
      return Buffer.alloc(0)
    }
  }
})
