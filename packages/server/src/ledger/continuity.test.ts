import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'
import type { Receipt } from '@torii/schema'
import { parseVerifierKey } from '@torii/schema/log'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb } from '../db/client.ts'
import { libsqlSqlClient } from '../db/sql-client.ts'
import { rootFromInclusion, verifySignedCheckpoint } from '../testing/log-verifier.ts'
import { sampleEntry } from '../testing/test-db.ts'
import { createLedger } from './index.ts'
import { receiptHash } from './record/receipt-hash.ts'
import { newReceiptId } from './record/receipt-id.ts'
import { generateSigningKey, signingKeyFromText } from './seal/signing-key.ts'
import { createClientWriter } from './write/writer.ts'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url))
/** The columns a receipt had before the log (migration 0002), in their order. */
const OLD_COLUMNS =
  'id, site_id, revision, revision_hash, action, issued_at, consent_id, purposes, vendors, consent_mode, gpc, language, page_url, client_time, user_agent, ip_truncated, hash'

/** A database as a server before the log left it: migrations 0000–0002, 12 receipts, 2 batches, 1 erasure. */
async function ledgerBeforeTheLog(path: string): Promise<Receipt[]> {
  const folder = join(dir, 'migrations-0002')
  cpSync(MIGRATIONS, folder, { recursive: true })
  const journalPath = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'))
  journal.entries = journal.entries.slice(0, 3)
  writeFileSync(journalPath, JSON.stringify(journal))
  const libsql = createClient({ url: `file:${path}` })
  await migrate(drizzle(libsql), { migrationsFolder: folder })
  const client = libsqlSqlClient(libsql)
  const receipts: Receipt[] = []
  for (let i = 0; i < 12; i++) {
    const entry = sampleEntry()
    const receipt = {
      id: newReceiptId(Date.now()),
      issuedAt: new Date().toISOString(),
      ...entry,
    } as unknown as Receipt
    const hash = receiptHash(receipt)
    receipts.push({
      ...receipt,
      hash,
      erasedAt: null,
      leafVersion: 0,
      payloadDigest: null,
      privateDigest: null,
    })
    const r = receipt as unknown as Record<string, unknown>
    await client.execute({
      sql: `INSERT INTO receipts (${OLD_COLUMNS}) VALUES (${OLD_COLUMNS.split(', ')
        .map(() => '?')
        .join(', ')})`,
      args: [
        ...['id', 'siteId', 'revision', 'revisionHash', 'action', 'issuedAt', 'consentId'].map(
          (k) => r[k] as string
        ),
        JSON.stringify(entry.purposes),
        JSON.stringify(entry.vendors),
        JSON.stringify(entry.consentMode),
        entry.gpc ? 1 : 0,
        entry.language,
        entry.pageUrl,
        entry.clientTime,
        entry.userAgent,
        entry.ipTruncated,
        hash,
      ].map((value) => (typeof value === 'string' && value.startsWith('{') ? canonicalText(value) : value)),
    })
  }
  // Its key as the server generated it then: stored whole in ledger_keys (the upgrade moves it to the key file).
  const key = signingKeyFromText(generateSigningKey())
  await client.execute({
    sql: 'INSERT INTO ledger_keys (id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)',
    args: [
      key.id,
      key.publicKey,
      key.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      new Date().toISOString(),
    ],
  })
  const writer = createClientWriter(client)
  for (let i = 0; i < 2; i++) await writer.seal({ key, batchSize: 8, sealedAt: new Date().toISOString() })
  // Erased the old way: payload cleared, erased_at set, nothing else recorded.
  await client.execute({
    sql: `UPDATE receipts SET consent_id = NULL, purposes = NULL, vendors = NULL, consent_mode = NULL, gpc = NULL, language = NULL, page_url = NULL, client_time = NULL, user_agent = NULL, ip_truncated = NULL, erased_at = '2026-12-01T00:00:00.000Z' WHERE id = ?`,
    args: [receipts[2]!.id],
  })
  client.close()
  return receipts
}

/** Maps as the server stored them: canonical JSON text. */
const canonicalText = (json: string) =>
  JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(json)).sort()))

describe('a ledger written before the log', () => {
  it('is covered by the log after the upgrade: old receipts as leaf version 0, their hash the entry, old proofs intact', async () => {
    dir = mkdtempSync(join(tmpdir(), 'torii-continuity-'))
    const path = join(dir, 'torii.db')
    const old = await ledgerBeforeTheLog(path)
    const database = await createDb({ url: `file:${path}` })
    const ledger = await createLedger({ client: database.client, batchIntervalMs: 0, warn: () => {} })
    try {
      // Old batches, old inclusion proofs: unchanged.
      expect(await ledger.verify()).toEqual({ ok: true, receipts: 12, batches: 2 })
      expect(await ledger.verifyReceipt(old[5]!.id)).toEqual({ ok: true })
      const fresh = await ledger.append(sampleEntry())
      await ledger.seal()
      expect(await ledger.verify()).toEqual({ ok: true, receipts: 13, batches: 3 })
      // The log: every receipt in seq order (the 12 old ones, then the new one), then the pre-upgrade erasure.
      const vkey = (await ledger.log.verifierKeys())[0]!
      expect(await ledger.verifyLog({ keys: [await parseVerifierKey(vkey)] })).toEqual({
        ok: true,
        treeSize: 14,
      })
      const entries = (
        await database.client.execute(
          'SELECT idx, entry, receipt_seq, erasure_seq FROM log_entries ORDER BY idx'
        )
      ).rows
      expect(entries.map((row) => (row.receipt_seq === null ? 'erasure' : Number(row.receipt_seq)))).toEqual([
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        9,
        10,
        11,
        12,
        13,
        'erasure',
      ])
      expect(entries.slice(0, 12).map((row) => row.entry)).toEqual(old.map((receipt) => receipt.hash))
      const proof = (await ledger.proof(old[7]!.id))!
      expect(proof.receipt).toMatchObject({ leafVersion: 0, hash: old[7]!.hash, payloadDigest: null })
      expect(proof.inclusion).toMatchObject({ batch: 1, leafIndex: 7 })
      const signed = verifySignedCheckpoint(proof.log!.checkpoint, vkey)
      const root = rootFromInclusion(
        Buffer.from(old[7]!.hash, 'hex'),
        proof.log!.index,
        14,
        proof.log!.inclusion.map((h) => Buffer.from(h, 'base64'))
      )
      expect(root.equals(signed.root)).toBe(true)
      expect((await ledger.proof(fresh.id))!.receipt.leafVersion).toBe(1)
    } finally {
      await ledger.close()
      database.close()
    }
  })
})
