import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Receipt } from '@torii/schema'
import { createDb } from '../db/client.ts'
import type { Dialect, SqlStatement } from '../db/sql-client.ts'
import { type RunningServer, startServer } from '../index.ts'
import { sampleEntry } from './test-db.ts'
import { freshDbUrl } from './test-engines.ts'

/**
 * A real server on a fresh database (a libSQL file in its own folder, or a PostgreSQL database on `engine`),
 * sealing only when asked (no timer), for log tests.
 */
export interface LogTestServer {
  dir: string
  server: RunningServer
  /** Runs statements in one write transaction on the server's database, as whoever holds it could. */
  runSql(statements: (string | SqlStatement)[]): Promise<void>
  /**
   * Stops the server, runs `change` on its stopped database (as whoever holds the file would), and starts a
   * new server on it, which `server` then is.
   */
  restartAfter(change: () => Promise<void>): Promise<void>
  /** Stops the server and removes its folder. */
  close(): Promise<void>
}

export async function startLogTestServer(prefix: string, engine: Dialect = 'sqlite'): Promise<LogTestServer> {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const database = await freshDbUrl(engine, dir)
  const start = () =>
    startServer({
      port: 0,
      dbUrl: database.url,
      // A database that is no file has no key file beside it.
      ...(engine === 'postgres' ? { signingKeyFile: join(dir, 'signing-key.pem') } : {}),
      demo: false,
      quiet: true,
      sealIntervalMs: 0,
      publicUrl: 'https://consent.example.com',
    })
  const running: LogTestServer = {
    dir,
    server: await start(),
    async runSql(statements) {
      const opened = await createDb({ url: database.url })
      try {
        await opened.client.batch(statements)
      } finally {
        await opened.close()
      }
    },
    async restartAfter(change) {
      await running.server.close()
      await change()
      running.server = await start()
    },
    async close() {
      await running.server.close()
      await database.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return running
}

/** `count` receipts appended at once (they share group commits), then sealed into a checkpoint. */
export async function appendSealed(server: RunningServer, count: number): Promise<Receipt[]> {
  const receipts = await Promise.all(Array.from({ length: count }, () => server.ledger.append(sampleEntry())))
  await server.ledger.seal()
  return receipts
}
