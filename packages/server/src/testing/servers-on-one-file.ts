import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatVerifierKey, parseVerifierKey } from '@torii/schema/log'
import { createDb } from '../db/client.ts'
import type { Dialect, SqlClient } from '../db/sql-client.ts'
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
import { freshDbUrl } from './test-engines.ts'

export interface ServersOnOneFileOptions {
  /** TORII_SEAL_BATCH_SIZE */
  sealBatchSize: number
  /** TORII_SEAL_INTERVAL_MS */
  sealIntervalMs: number
  /** The database: a libSQL file in the folder (default), or a fresh PostgreSQL database of the run's cluster. */
  engine?: Dialect
}

/** Real server processes sharing one database in a temporary folder (crash and concurrency tests). */
export interface ServersOnOneFile {
  /** The database's URL (`file:…`, or `postgres://…` once a server started), for commands run beside the servers. */
  readonly dbUrl: string
  /** The signing key file the servers share (beside the file on libSQL, in the folder on PostgreSQL). */
  readonly keyFile: string
  /** Starts one more server on the database (the first start seeds the demo site and the key). */
  start(): Promise<ServerProcess>
  /** Opens the database (stop the servers first) and hands its client and key file to `read`, closing it after. */
  readDatabase<T>(read: (client: SqlClient, keyFile: string) => Promise<T>): Promise<T>
  /** Kills the servers still running, drops a PostgreSQL database and removes the folder. */
  cleanup(): Promise<void>
}

export function serversOnOneFile(options: ServersOnOneFileOptions): ServersOnOneFile {
  const dir = mkdtempSync(join(tmpdir(), 'torii-servers-'))
  const engine = options.engine ?? 'sqlite'
  const file = join(dir, 'torii.db')
  const keyFile = engine === 'sqlite' ? keyFileBeside(file) : join(dir, 'signing-key.pem')
  const env: Record<string, string> = {
    TORII_DB_URL: `file:${file}`,
    TORII_SEAL_BATCH_SIZE: String(options.sealBatchSize),
    TORII_SEAL_INTERVAL_MS: String(options.sealIntervalMs),
    // A database that is no file has no key file beside it: the servers share one in the folder.
    ...(engine === 'postgres' ? { TORII_SIGNING_KEY_FILE: keyFile } : {}),
  }
  // A PostgreSQL database is made on first use (making one is asynchronous).
  let database: Promise<{ url: string; drop(): Promise<void> }> | null = null
  const databaseUrl = async () => {
    database ??= freshDbUrl(engine, dir)
    env.TORII_DB_URL = (await database).url
    return env.TORII_DB_URL
  }
  const started: ServerProcess[] = []
  return {
    get dbUrl() {
      return env.TORII_DB_URL!
    },
    keyFile,
    async start() {
      await databaseUrl()
      // On PostgreSQL only the first start seeds the demo site: seeding an existing database adds the server's
      // origins with SQLite-only SQL on main today (src/demo/seed.ts). Receipts then name the first's pages.
      const demo: Record<string, string> =
        engine === 'postgres' && started.length > 0 ? { TORII_DEMO: 'off' } : {}
      const server = await spawnServer({ ...env, ...demo })
      started.push(server)
      return server
    },
    async readDatabase(read) {
      const opened = await createDb({ url: await databaseUrl() })
      try {
        return await read(opened.client, keyFile)
      } finally {
        await opened.close()
      }
    },
    async cleanup() {
      for (const server of started.splice(0)) {
        if (server.child.exitCode === null && server.child.signalCode === null) {
          server.child.kill('SIGKILL')
          await server.exited
        }
      }
      await (await database)?.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * POSTs receipt number `n` (see receiptBody) to a server, as the banner sends it from a page on `pageOrigin`
 * (by default the server's own).
 */
export function postReceipt(url: string, n: number, pageOrigin = url): Promise<Response> {
  return fetch(`${url}/s/xtra/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: receiptBody(n, pageOrigin),
  })
}

/**
 * Verifies the whole ledger in a database, as `torii verify --db` does, trusting the key file its servers
 * signed with (by default the one beside a database file).
 */
export async function verifyDatabase(client: SqlClient, keyFile?: string): Promise<VerifyResult> {
  const keys = await keyFileKeys(client, keyFile)
  return verifyRecords(new Map(keys.map((key) => [key.id, key.publicKey])), databaseRecords(client))
}

/** The public keys of the key file (by default beside the database file): what its servers signed with. */
async function keyFileKeys(client: SqlClient, keyFile?: string): Promise<PublicKeyRecord[]> {
  const file = keyFile ?? keyFileBeside((await localFileOf(client)) ?? '(not a file)')
  const content = readKeyFile(file)
  if (!content) throw new Error(`no signing key file at ${file}`)
  return [content.signingKey, ...content.retired]
}

/**
 * Verifies the log in a database (verifyLogAgainst) with the key file's key its servers signed with, under the default
 * origin (no TORII_PUBLIC_URL): these tests are about sealing, not about where the key comes from.
 */
export async function verifyLogInDatabase(client: SqlClient, keyFile?: string): Promise<LogVerifyResult> {
  const { publicKey } = (await keyFileKeys(client, keyFile))[0]!
  const key = await parseVerifierKey(await formatVerifierKey(DEFAULT_LOG_ORIGIN, rawPublicKey(publicKey)))
  return verifyLogAgainst(client, { keys: [key] })
}

/** Stops a server gracefully (SIGTERM) and waits for it to exit. */
export async function stopServer(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM')
  await server.exited
}
