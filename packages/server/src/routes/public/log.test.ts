import type { ProofBundle, Receipt, ReceiptProof } from '@torii/schema'
import { createNoteSigner, parseVerifierKey } from '@torii/schema/log'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SqlStatement } from '../../db/sql-client.ts'
import type { RunningServer } from '../../index.ts'
import { logOriginFor } from '../../ledger/index.ts'
import {
  appendSealed as appendAndSeal,
  type LogTestServer,
  startLogTestServer,
} from '../../testing/log-test-server.ts'
import {
  entryOfPublicReceipt,
  erasureEntry,
  type ParsedCheckpoint,
  rootFromInclusion,
  rootFromTiles,
  rootOfLeaves,
  verifyConsistencyProof,
  verifySignedCheckpoint,
} from '../../testing/log-verifier.ts'
import { sampleEntry } from '../../testing/test-db.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'

// The log checked over real HTTP by the independent verifier of testing/log-verifier.ts (node:crypto only).
let running: LogTestServer
let server: RunningServer
let log: string

/** `count` receipts appended at once and sealed, in id order. */
async function appendSealed(count: number): Promise<Receipt[]> {
  const receipts = await appendAndSeal(server, count)
  return receipts.sort((a, b) => (a.id < b.id ? -1 : 1))
}

const get = (path: string) => fetch(new URL(path, log))
const vkey = async () => (await (await get('vkey')).text()).split('\n')[0]!
async function checkpoint(): Promise<{ note: string; parsed: ParsedCheckpoint }> {
  const note = await (await get('checkpoint')).text()
  return { note, parsed: verifySignedCheckpoint(note, await vkey()) }
}
const receiptJson = async (id: string) =>
  (await (await fetch(`${server.url}/receipts/${id}?format=json`)).json()) as ReceiptProof
const b64 = (text: string) => Buffer.from(text, 'base64')

/** What a holder of the receipt JSON checks: entry from the public members, inclusion to the signed root. */
function proveReceipt(proof: ReceiptProof, key: string): ParsedCheckpoint {
  const entry = entryOfPublicReceipt(proof.receipt as unknown as Record<string, unknown>)
  const logged = proof.log!
  if (!entry.equals(b64(logged.entry))) throw new Error('the receipt does not hash to its log entry')
  const signed = verifySignedCheckpoint(logged.checkpoint, key)
  if (signed.size !== logged.treeSize) throw new Error('treeSize is not the checkpoint size')
  const root = rootFromInclusion(entry, logged.index, logged.treeSize, logged.inclusion.map(b64))
  if (!root.equals(signed.root)) throw new Error('the inclusion path does not lead to the checkpoint root')
  return signed
}

/**
 * An attacker with the database file and the key: on the stopped server's file, runs `changes`, drops the
 * batches and the log; the server then starts again and re-signs everything. (A running server would log the
 * entries its writer committed, not rows rewritten under it.)
 */
async function resignedAfter(changes: (string | SqlStatement)[]): Promise<void> {
  await running.restartAfter(async () => {
    await running.runSql([
      ...changes,
      'DELETE FROM batches',
      'UPDATE receipts SET batch = NULL',
      'DELETE FROM log_entries',
      'DELETE FROM log_tiles',
      'DELETE FROM checkpoints',
    ])
  })
  server = running.server
  await server.ledger.seal()
}

describe.each(TEST_ENGINES)('on %s', (engine) => {
  beforeEach(async () => {
    if (engineMissing(engine)) return
    running = await startLogTestServer('torii-log-', engine)
    server = running.server
    log = `${server.url}/log/`
  })
  afterEach(async () => {
    if (!engineMissing(engine)) await running.close()
  })

  describe.skipIf(engineMissing(engine))('the public log over HTTP (tlog-tiles)', () => {
    it('proves a receipt re-hashed from its public JSON against /log/checkpoint, and the tiles give that root', async () => {
      const receipts = await appendSealed(300)
      const key = await vkey()
      expect(key).toMatch(/^consent\.example\.com\/log\+[0-9a-f]{8}\+/)
      const { note, parsed } = await checkpoint()
      expect(parsed).toMatchObject({ origin: 'consent.example.com/log', size: 300 })
      // Tiles: one full level-0 tile and a partial one of 44; their leaves hash to the signed root.
      const tiles = await rootFromTiles(log, parsed.size)
      expect(tiles.root.equals(parsed.root)).toBe(true)
      for (const receipt of [receipts[0]!, receipts[150]!, receipts[299]!]) {
        const proof = await receiptJson(receipt.id)
        expect(proof.receipt).not.toHaveProperty('userAgent')
        expect(proof.receipt).not.toHaveProperty('ipTruncated')
        expect(proof.receipt).not.toHaveProperty('salt')
        expect(proof.receipt.leafVersion).toBe(1)
        expect(proof.log!.checkpoint).toBe(note)
        expect(proveReceipt(proof, key).size).toBe(300)
        expect(tiles.entries[proof.log!.index]!.equals(b64(proof.log!.entry))).toBe(true)
        // A receipt whose shown member differs from what was committed does not prove.
        const forged = { ...proof, receipt: { ...proof.receipt, action: 'accept-all' as const } }
        if (proof.receipt.action !== 'accept-all') expect(() => proveReceipt(forged, key)).toThrow()
        const changedPayload = { ...proof, receipt: { ...proof.receipt, purposes: { ads: true } } }
        expect(() => proveReceipt(changedPayload, key)).toThrow(/payloadDigest/)
      }
    })

    it('downloads the proof bundle of the contract as an attachment, and shows the log on the receipt page', async () => {
      const [receipt] = await appendSealed(3)
      const res = await fetch(`${server.url}/receipts/${receipt!.id}/proof.json`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="torii-proof-${receipt!.id}.json"`
      )
      const bundle = (await res.json()) as ProofBundle
      expect(bundle).toMatchObject({ format: 'torii-proof/1', logUrl: 'https://consent.example.com/log/' })
      proveReceipt(
        { ...(await receiptJson(receipt!.id)), receipt: bundle.receipt, log: bundle.log },
        await vkey()
      )
      const page = await (
        await fetch(`${server.url}/receipts/${receipt!.id}`, { headers: { accept: 'text/html' } })
      ).text()
      // The sample receipts are in Japanese: "entry N of the public log, in its signed checkpoint (size 3)".
      expect(page).toMatch(/公開ログのエントリ \d として、署名済みチェックポイント（サイズ 3）/)
      expect(page).toContain(`href="/receipts/${receipt!.id}/proof.json" download`)
      const pending = await server.ledger.append(sampleEntry())
      expect((await receiptJson(pending.id)).log).toBeNull()
      expect((await fetch(`${server.url}/receipts/${pending.id}/proof.json`)).status).toBe(409)
    })

    it('proves consistency between two checkpoints, for every earlier size asked', async () => {
      await appendSealed(300)
      const first = await checkpoint()
      await appendSealed(230)
      const second = await checkpoint()
      expect(second.parsed.size).toBe(530)
      const consistency = async (from: number, to: number) => {
        const res = await get(`consistency?from=${from}&to=${to}`)
        expect(res.status, await res.clone().text()).toBe(200)
        const body = (await res.json()) as { from: number; to: number; proof: string[] }
        expect(body).toMatchObject({ from, to })
        return body.proof.map(b64)
      }
      verifyConsistencyProof(300, 530, await consistency(300, 530), first.parsed.root, second.parsed.root)
      const { leaves } = await rootFromTiles(log, 530)
      for (const from of [1, 2, 255, 256, 257, 299, 300, 511, 512, 529, 530]) {
        const proof = await consistency(from, 530)
        verifyConsistencyProof(from, 530, proof, rootOfLeaves(leaves.slice(0, from)), second.parsed.root)
      }
      // A proof for other sizes does not pass.
      expect(() => verifyConsistencyProof(300, 530, [], first.parsed.root, second.parsed.root)).toThrow()
      expect((await get('consistency?from=0&to=530')).status).toBe(400)
      expect((await get('consistency?from=531&to=530')).status).toBe(400)
      expect((await get('consistency?from=1&to=531')).status).toBe(400)
      const bad = await get('consistency?from=01&to=530')
      expect(bad.status).toBe(400)
      expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^from must be/)
    })

    it('answers a proof the stored tiles cannot give with a 500 (a server fault), not as a bad request', async () => {
      await appendSealed(3)
      await appendSealed(2)
      await running.runSql(['DELETE FROM log_tiles WHERE level = 0 AND idx = 0'])
      const res = await get('consistency?from=3&to=5')
      expect(res.status, await res.clone().text()).toBe(500)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('internal')
      // A client's size out of range stays its own error.
      expect((await get('consistency?from=1&to=6')).status).toBe(400)
    })

    it('serves tiles byte-identical on every request: full ones immutable, partial ones and the checkpoint short-lived', async () => {
      await appendSealed(300)
      const full = await get('tile/0/000')
      expect(full.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(full.headers.get('content-type')).toBe('application/octet-stream')
      const fullBytes = Buffer.from(await full.arrayBuffer())
      expect(fullBytes.length).toBe(8192)
      const partial = await get('tile/0/001.p/44')
      expect(partial.headers.get('cache-control')).toMatch(/^public, max-age=\d{1,2}$/)
      const partialBytes = Buffer.from(await partial.arrayBuffer())
      expect((await get('checkpoint')).headers.get('cache-control')).toMatch(/^public, max-age=\d$/)
      const bundle = Buffer.from(await (await get('tile/entries/000')).arrayBuffer())
      expect(bundle.length).toBe(256 * 34)
      // The log grows: what was served is served again, to the byte, and the wider tile starts with it.
      await appendSealed(100)
      expect(Buffer.from(await (await get('tile/0/000')).arrayBuffer()).equals(fullBytes)).toBe(true)
      expect(Buffer.from(await (await get('tile/0/001.p/44')).arrayBuffer()).equals(partialBytes)).toBe(true)
      expect(Buffer.from(await (await get('tile/entries/000')).arrayBuffer()).equals(bundle)).toBe(true)
      const wider = Buffer.from(await (await get('tile/0/001.p/144')).arrayBuffer())
      expect(wider.subarray(0, partialBytes.length).equals(partialBytes)).toBe(true)
      expect((await get('tile/1/000.p/1')).status).toBe(200)
      // Bad paths: refused with JSON naming what was wrong; tiles beyond the log: 404.
      for (const path of [
        'tile/0/1',
        'tile/0/000.p/256',
        'tile/0/x000/001',
        'tile/64/000',
        'tile/entries/000.p/0',
      ]) {
        const res = await get(path)
        expect(res.status, path).toBe(400)
        expect(((await res.json()) as { error: { message: string } }).error.message, path).toMatch(/tile/)
      }
      for (const path of [
        'tile/0/002',
        'tile/0/001.p/145',
        'tile/entries/001.p/145',
        'tile/1/000',
        'tile/2/000.p/1',
      ]) {
        const res = await get(path)
        expect(res.status, path).toBe(404)
        expect(((await res.json()) as { error: { message: string } }).error.message, path).toMatch(
          /not found/
        )
      }
    })
  })

  describe.skipIf(engineMissing(engine))('erasure in the log', () => {
    it('appends an erasure entry; the erased receipt and the others still prove; a faked erasure does not', async () => {
      const receipts = await appendSealed(10)
      const key = await vkey()
      const target = receipts[4]!
      expect(await server.ledger.erase(target.siteId, target.consentId)).toBe(1)
      await server.ledger.seal()
      const { parsed } = await checkpoint()
      expect(parsed.size).toBe(11)
      const erased = await receiptJson(target.id)
      expect(erased.receipt).toMatchObject({
        erasedAt: expect.any(String),
        consentId: '',
        privateDigest: null,
      })
      expect(erased.receipt.payloadDigest).toBe(target.payloadDigest)
      expect(proveReceipt(erased, key).size).toBe(11)
      for (const other of [receipts[0]!, receipts[9]!])
        expect(proveReceipt(await receiptJson(other.id), key).size).toBe(11)
      // The last entry is the erasure: its id and time, nothing else.
      const { entries } = await rootFromTiles(log, 11)
      expect(entries[10]!.equals(erasureEntry(target.id, erased.receipt.erasedAt!))).toBe(true)
      expect(await server.ledger.verify()).toMatchObject({ ok: true })
      const keys = [await parseVerifierKey(key)]
      expect(await server.ledger.verifyLog({ keys })).toEqual({ ok: true, treeSize: 11 })

      // The faked erasure: a kept member of the erased receipt changed (reject-all to accept-all).
      await running.runSql([
        {
          sql: `UPDATE receipts SET action = 'accept-all', issued_at = '2020-01-01T00:00:00.000Z' WHERE id = ?`,
          args: [target.id],
        },
      ])
      const faked = await receiptJson(target.id)
      expect(faked.receipt.action).toBe('accept-all')
      expect(() => proveReceipt(faked, key)).toThrow(/does not hash to its log entry/)
      expect(await server.ledger.verify()).toMatchObject({ ok: false, receiptId: target.id })
      const result = await server.ledger.verifyLog({ keys })
      expect(result).toMatchObject({ ok: false, index: expect.any(Number) })
      expect(result.ok || result.problem).toMatch(new RegExp(`${target.id}.*kept fields`))
    })
  })

  describe.skipIf(engineMissing(engine))('verifyLog against a checkpoint saved earlier', () => {
    it('passes on an untouched log, and fails when the newest entries were cut off', async () => {
      await appendSealed(20)
      const saved = (await checkpoint()).note
      await appendSealed(5)
      const keys = [await parseVerifierKey(await vkey())]
      expect(await server.ledger.verifyLog({ keys, since: saved })).toEqual({ ok: true, treeSize: 25 })
      // Another key (one an attacker could add to the database) does not verify the log, nor does none.
      const { randomBytes } = await import('node:crypto')
      const other = await createNoteSigner('consent.example.com/log', randomBytes(32))
      const forged = await server.ledger.verifyLog({ keys: [other] })
      expect(forged).toMatchObject({ ok: false })
      expect(forged.ok || forged.problem).toMatch(/^the latest checkpoint: .*consent\.example\.com\/log/)
      expect(await server.ledger.verifyLog({ keys: [] })).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/no verifier key/),
      })
      // Cut: the newest receipts, their entries, tiles and checkpoints gone, the rest consistent again.
      await resignedAfter(['DELETE FROM receipts WHERE seq > 15'])
      expect(await server.ledger.verify()).toMatchObject({ ok: true, receipts: 15 })
      expect(await server.ledger.verifyLog({ keys })).toEqual({ ok: true, treeSize: 15 })
      const result = await server.ledger.verifyLog({ keys, since: saved })
      expect(result).toMatchObject({ ok: false })
      expect(result.ok || result.problem).toMatch(/the log was cut: the saved checkpoint has 20 entries/)
    })

    it('catches a history rewritten and re-signed with the real key', async () => {
      const receipts = await appendSealed(20)
      const saved = (await checkpoint()).note
      const keys = [await parseVerifierKey(await vkey())]
      // Rewrite receipt 3 as accept-all with a matching entry, rebuild batches and the log, re-sign them all.
      const { receiptEntryOf } = await import('../../ledger/record/leaf-commitment.ts')
      const forged = { ...(await server.ledger.get(receipts[3]!.id))!, action: 'accept-all' as const }
      await resignedAfter([
        {
          sql: `UPDATE receipts SET action = 'accept-all', hash = ? WHERE id = ?`,
          args: [receiptEntryOf(forged), forged.id],
        },
      ])
      expect(await server.ledger.verify()).toMatchObject({ ok: true, receipts: 20 })
      expect(await server.ledger.verifyLog({ keys })).toEqual({ ok: true, treeSize: 20 })
      const result = await server.ledger.verifyLog({ keys, since: saved })
      expect(result).toMatchObject({ ok: false })
      expect(result.ok || result.problem).toMatch(
        /do not have the saved checkpoint's root: history was rewritten/
      )
    })
  })

  describe.skipIf(engineMissing(engine))('the log origin', () => {
    it('comes from TORII_PUBLIC_URL without scheme and trailing slash, keeping a path', () => {
      expect(logOriginFor('https://consent.example.com')).toBe('consent.example.com/log')
      expect(logOriginFor('https://consent.example.com/')).toBe('consent.example.com/log')
      expect(logOriginFor('http://example.com:8080/torii/')).toBe('example.com:8080/torii/log')
      expect(logOriginFor(undefined)).toBe('localhost/log')
    })
  })
})
