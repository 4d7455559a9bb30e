import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatVerifierKey, parseVerifierKey } from '@torii/schema/log'
import { createDb } from '../db/client.ts'
import type { SqlClient } from '../db/sql-client.ts'
import { DEFAULT_LOG_ORIGIN } from '../ledger/index.ts'
import { rawPublicKey } from '../ledger/seal/checkpoint-signer.ts'
import { keyFileBeside, readKeyFile } from '../ledger/seal/key-file.ts'
import type { PublicKeyRecord } from '../ledger/seal/signing-key.ts'
import type { LogVerifyResult, VerifyResult } from '../ledger/types.ts'
import { databaseRecords } from '../ledger/verify/ledger-records.ts'
import { verifyLogAgainst } from '../ledger/verify/log-verify.ts'
import { verifyRecords } from '../ledger/verify/verify.ts'
import { localFileOf } from '../ledger/write/writer.ts'
import { receiptBody, type ServerProcess, spawnServer } from './server-process.ts'

export interface ServersOnOneFileOptions {
  /** TORII_SEAL_BATCH_SIZE */
  sealBatchSize: number
  /** TORII_SEAL_INTERVAL_MS */
  sealIntervalMs: number
}

/** Real server processes sharing one database file in a temporary folder (crash and concurrency tests). */
export interface ServersOnOneFile {
  /** The database file's URL (`file:…`), for commands run beside the servers. */
  dbUrl: string
  /** Starts one more server on the file (the first start seeds the demo site and the key). */
  start(): Promise<ServerProcess>
  /** Opens the file (stop the servers first) and hands its client to `read`, closing it after. */
  readDatabase<T>(read: (client: SqlClient) => Promise<T>): Promise<T>
  /** Kills the servers still running and removes the folder. */
  cleanup(): Promise<void>
}

export function serversOnOneFile(options: ServersOnOneFileOptions): ServersOnOneFile {
  const dir = mkdtempSync(join(tmpdir(), 'torii-servers-'))
  const env = {
    TORII_DB_URL: `file:${join(dir, 'torii.db')}`,
    TORII_SEAL_BATCH_SIZE: String(options.sealBatchSize),
    TORII_SEAL_INTERVAL_MS: String(options.sealIntervalMs),
  }
  const started: ServerProcess[] = []
  return {
    dbUrl: env.TORII_DB_URL,
    async start() {
      const server = await spawnServer(env)
      started.push(server)
      return server
    },
    async readDatabase(read) {
      const database = await createDb({ url: env.TORII_DB_URL })
      try {
        return await read(database.client)
      } finally {
        database.close()
      }
    },
    async cleanup() {
      for (const server of started.splice(0)) {
        if (server.child.exitCode === null && server.child.signalCode === null) {
          server.child.kill('SIGKILL')
          await server.exited
        }
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** POSTs receipt number `n` (see receiptBody) to a server, as the banner sends it. */
export function postReceipt(url: string, n: number): Promise<Response> {
  return fetch(`${url}/s/xtra/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: receiptBody(n, url),
  })
}

/** Verifies the whole ledger in a database, as `torii verify --db` does, trusting the key file beside it. */
export async function verifyDatabase(client: SqlClient): Promise<VerifyResult> {
  const keys = await keyFileKeys(client)
  return verifyRecords(new Map(keys.map((key) => [key.id, key.publicKey])), databaseRecords(client))
}

/** The public keys of the key file beside the database: what its servers signed with. */
async function keyFileKeys(client: SqlClient): Promise<PublicKeyRecord[]> {
  const file = await localFileOf(client)
  const content = file ? readKeyFile(keyFileBeside(file)) : null
  if (!content) throw new Error(`no signing key file beside the database ${file}`)
  return [content.signingKey, ...content.retired]
}

/**
 * Verifies the log in a database (verifyLogAgainst) with the key file's key its servers signed with, under the default
 * origin (no TORII_PUBLIC_URL): these tests are about sealing, not about where the key comes from.
 */
export async function verifyLogInDatabase(client: SqlClient): Promise<LogVerifyResult> {
  const { publicKey } = (await keyFileKeys(client))[0]!
  const key = await parseVerifierKey(await formatVerifierKey(DEFAULT_LOG_ORIGIN, rawPublicKey(publicKey)))
  return verifyLogAgainst(client, { keys: [key] })
}

/** Stops a server gracefully (SIGTERM) and waits for it to exit. */
export async function stopServer(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM')
  await server.exited
}
