import type { SqlClient } from '../db/sql-client.ts'
import { ledgerExportStream } from './export/ledger-export.ts'
import { siteExportStream } from './export/site-export.ts'
import { createLogReader } from './read/log-reads.ts'
import { receiptProof, verifyOne } from './read/proof.ts'
import { receiptById, receiptPage } from './read/receipt-reads.ts'
import { readSealLag } from './read/seal-lag.ts'
import { keyFileBeside } from './seal/key-file.ts'
import { loadSigningKey } from './seal/load-signing-key.ts'
import { LOG_PENDING_SQL, MAX_CHECKPOINT_ENTRIES } from './seal/log-sealer.ts'
import { pendingCount, SEAL_RACE_LOST } from './seal/sealer.ts'
import type { Ledger, LedgerObserver } from './types.ts'
import { databaseRecords } from './verify/ledger-records.ts'
import { verifyLogAgainst } from './verify/log-verify.ts'
import { verifyRecords } from './verify/verify.ts'
import { eraseReceipts } from './write/erase.ts'
import { createGroupCommitter } from './write/group-commit.ts'
import { createPostgresWriter } from './write/postgres-writer.ts'
import { createWriteLock } from './write/write-lock.ts'
import { createClientWriter, createWorkerWriter, type Durability, localFileOf } from './write/writer.ts'

/**
 * Receipts per sealed batch under load (below it the interval seals). Each seal is a write transaction of
 * its own on the writer thread (batch row, receipts marked, one fsync) that receipt commits wait behind: at
 * 1024 its fixed part is paid four times less often than at 256 (receipt POSTs ~7% faster in bench:server).
 */
export const DEFAULT_BATCH_SIZE = 1024
export const DEFAULT_BATCH_INTERVAL_MS = 2000
/** The log's origin when neither TORII_LOG_ORIGIN nor TORII_PUBLIC_URL says (docs/log-format.md). */
export const DEFAULT_LOG_ORIGIN = 'localhost/log'

/**
 * The log's origin from TORII_PUBLIC_URL: the URL of the log without scheme and trailing slash
 * (`https://consent.example.com` → `consent.example.com/log`; a path is kept: `…/torii` → `…/torii/log`).
 */
export function logOriginFor(publicUrl: string | undefined): string {
  if (!publicUrl) return DEFAULT_LOG_ORIGIN
  const url = new URL(publicUrl)
  return `${url.host}${url.pathname.replace(/\/+$/, '')}/log`
}

export interface LedgerOptions {
  /** The database's raw SQL client (libSQL or PostgreSQL). */
  client: SqlClient
  /** Ed25519 private key, PEM or base64 PKCS8 DER (TORII_SIGNING_KEY); else the key file is used. */
  signingKey?: string
  /**
   * The key file (TORII_SIGNING_KEY_FILE): PEM, mode 0600; by default `<database>-signing-key.pem` beside a
   * local database file. Generated for a new ledger; never stored in the database.
   */
  signingKeyFile?: string
  /** Seal after this many unsealed receipts (default 1024). */
  batchSize?: number
  /** The log's origin line and key name (TORII_LOG_ORIGIN; default `logOriginFor(TORII_PUBLIC_URL)`). */
  logOrigin?: string
  /** Seal whatever is pending this often, in ms (default 2000); 0 turns the timer off. */
  batchIntervalMs?: number
  now?: () => Date
  /**
   * `full` (default) fsyncs every group commit; `normal` relies on WAL + synchronous=NORMAL (safe from a
   * killed process, not from power loss). Default `full`; the server takes it from TORII_LEDGER_SYNC.
   * SQLite's only: on PostgreSQL a commit is as durable as the database makes it (`synchronous_commit`).
   */
  durability?: Durability
  /**
   * Write receipts from a worker thread for local files (default true), keeping fsyncs off the event loop.
   * PostgreSQL always has its own writer (write/postgres-writer.ts).
   */
  writerThread?: boolean
  /** Told of group commits and failed writes (metrics). */
  observer?: LedgerObserver
  /** Where what happened to the signing key (generated, moved out of the database) and sealing errors go (default console.warn). */
  warn?: (message: string) => void
}

/** Opens the consent ledger on a migrated database: loads (or, for a new ledger, generates) the signing key, starts sealing. */
export async function createLedger(options: LedgerOptions): Promise<Ledger> {
  const { client } = options
  const now = options.now ?? (() => new Date())
  const warn = options.warn ?? ((message: string) => console.warn(message))
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
  const intervalMs = options.batchIntervalMs ?? DEFAULT_BATCH_INTERVAL_MS
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be ≥ 1, got ${batchSize}`)
  const durability = options.durability ?? 'full'
  const databaseFile = await localFileOf(client)
  const { signingKey: key, trusted } = await loadSigningKey({
    client,
    signingKey: options.signingKey,
    keyFile: options.signingKeyFile ?? (databaseFile ? keyFileBeside(databaseFile) : null),
    now,
    warn,
  })
  // The server's own checks trust its key file's keys, never the keys the database lists.
  const trustedKeys = new Map(trusted.map((record) => [record.id, record.publicKey]))
  const origin = options.logOrigin ?? DEFAULT_LOG_ORIGIN
  const log = createLogReader(client, { origin, publicKey: key.publicKey })
  const lock = createWriteLock()
  const clientWriter = createClientWriter(client)
  const file = options.writerThread === false ? null : databaseFile
  const writer =
    client.dialect === 'postgres'
      ? createPostgresWriter(client)
      : file
        ? await createWorkerWriter(file, clientWriter, { durability, warn })
        : clientWriter
  let unsealed = await pendingCount(client)
  let sealing: Promise<void> | null = null
  let closed = false

  /**
   * Seals batches until fewer than `min` receipts remain unsealed (min 1 = everything), or once `atMost`
   * receipts are sealed.
   */
  function sealUntil(min: number, atMost = Number.POSITIVE_INFINITY): Promise<void> {
    const run = async () => {
      let left = atMost
      for (let races = 0; ; ) {
        const sealed = await lock.run(() => writer.seal({ key, batchSize, sealedAt: now().toISOString() }))
        if (sealed === SEAL_RACE_LOST) {
          // Another process sealed this batch first; a few retries always suffice.
          if (++races > 100) throw new Error('sealing kept losing to other processes')
          continue
        }
        unsealed = Math.max(0, unsealed - sealed)
        left -= sealed
        if (sealed === 0 || left <= 0 || (sealed < batchSize && min > 1)) break
        if (min > 1 && unsealed < min) break
      }
      await checkpointLog()
    }
    const next = (sealing ?? Promise.resolve()).then(run, run)
    const tracked: Promise<void> = next.finally(() => {
      if (sealing === tracked) sealing = null
    })
    sealing = tracked
    return tracked
  }

  /**
   * Appends what the log lacks (receipts, erasures) and signs checkpoints until it has caught up with what
   * it read: under load the next seal takes what was committed meanwhile.
   */
  async function checkpointLog(): Promise<void> {
    for (let races = 0; ; ) {
      const added = await lock.run(() => writer.sealLog({ key, origin, signedAt: now().toISOString() }))
      if (added === SEAL_RACE_LOST) {
        if (++races > 100) throw new Error('signing checkpoints kept losing to other processes')
        continue
      }
      if (added < MAX_CHECKPOINT_ENTRIES) break
    }
  }

  function sealInBackground(min: number, atMost?: number): void {
    if (sealing || closed) return
    sealUntil(min, atMost).catch((error: unknown) => {
      options.observer?.failed('seal')
      warn(`torii: sealing receipts failed: ${(error as Error).message}`)
    })
  }

  const committer = createGroupCommitter({
    writer,
    lock,
    now,
    onCommit(count, seconds) {
      options.observer?.committed(count, seconds)
      unsealed += count
      if (unsealed >= batchSize) sealInBackground(batchSize)
    },
    onFailure: () => options.observer?.failed('commit'),
  })

  /** The timer's last read failed: said once, until a read works again. */
  let readFailing = false
  const timer =
    intervalMs > 0
      ? setInterval(async () => {
          if (sealing || closed) return
          try {
            // What is pending now, and no more: under steady load, sealing on until nothing is pending
            // chased the receipts committed meanwhile, a batch of a few dozen per seal (a write and an fsync
            // each, ahead of receipt commits) instead of batchSize; the next tick or batchSize seals those.
            const pending = await pendingCount(client)
            if (readFailing) warn('torii: reading the ledger works again')
            readFailing = false
            if (pending > 0) sealInBackground(1, pending)
            else if (await logPending()) sealInBackground(1, 0)
          } catch (error) {
            // Once per outage, not every tick while the database is away.
            if (!readFailing) warn(`torii: reading the ledger failed: ${(error as Error).message}`)
            readFailing = true
          }
        }, intervalMs)
      : null
  timer?.unref()

  async function logPending(): Promise<boolean> {
    return Number((await client.execute(LOG_PENDING_SQL)).rows[0]?.pending ?? 0) > 0
  }

  return {
    publicKey: key.publicKey,
    log,
    verifyLog: (options) => verifyLogAgainst(client, { origin, ...options }),
    keyId: key.id,
    append: (entry) => {
      if (closed) return Promise.reject(new Error('the ledger is closed'))
      return committer.append(entry)
    },
    get: (id) => receiptById(client, id),
    proof: (id) => receiptProof(client, id, log),
    verifyReceipt: (id) => verifyOne(client, id, trustedKeys),
    list: (siteId, query) => receiptPage(client, siteId, query),
    export: (siteId, format, query) => siteExportStream(client, siteId, format, query),
    exportLedger: () => ledgerExportStream(client, now),
    erase: (siteId, consentId) =>
      lock.run(() => eraseReceipts(client, { siteId, consentId, erasedAt: now().toISOString() })),
    async seal() {
      await committer.drain()
      await sealUntil(1)
    },
    async verify(onProgress) {
      return verifyRecords(trustedKeys, databaseRecords(client), onProgress)
    },
    sealLag: () => readSealLag(client),
    get commits() {
      return committer.commits
    },
    async close() {
      if (closed) return
      closed = true
      if (timer) clearInterval(timer)
      await committer.drain()
      await sealing?.catch(() => undefined)
      await writer.close()
    },
  }
}

export type { Ledger, LedgerEntry, VerifyResult } from './types.ts'
