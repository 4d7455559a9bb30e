import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Receipt } from '@torii/schema'
import { type RunningServer, startServer } from '../index.ts'
import { sampleEntry } from './test-db.ts'

/** A real server on a fresh libSQL file in its own folder, sealing only when asked (no timer), for log tests. */
export interface LogTestServer {
  dir: string
  server: RunningServer
  /**
   * Stops the server, runs `change` on its stopped database (as whoever holds the file would), and starts a
   * new server on it, which `server` then is.
   */
  restartAfter(change: () => Promise<void>): Promise<void>
  /** Stops the server and removes its folder. */
  close(): Promise<void>
}

export async function startLogTestServer(prefix: string): Promise<LogTestServer> {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const start = () =>
    startServer({
      port: 0,
      dbUrl: `file:${join(dir, 'torii.db')}`,
      demo: false,
      quiet: true,
      sealIntervalMs: 0,
      publicUrl: 'https://consent.example.com',
    })
  const running: LogTestServer = {
    dir,
    server: await start(),
    async restartAfter(change) {
      await running.server.close()
      await change()
      running.server = await start()
    },
    async close() {
      await running.server.close()
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
