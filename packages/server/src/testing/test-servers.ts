import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { Dialect } from '../db/sql-client.ts'
import { type RunningServer, type StartServerOptions, startServer } from '../index.ts'
import { writeFakeBanner } from './test-app.ts'
import { freshDbUrl } from './test-engines.ts'

/**
 * Real servers on 127.0.0.1 for one test file: each test gets a fresh temporary folder, and `start` a server
 * on a fresh database (a file in it, or a PostgreSQL database on `engine`), closed and deleted after the test.
 */
export function useTestServers(
  name: string,
  engine: Dialect = 'sqlite'
): (options?: StartServerOptions) => Promise<RunningServer> {
  let dir: string
  let servers: RunningServer[]
  let drops: (() => Promise<void>)[]
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), `torii-${name}-`))
    servers = []
    drops = []
  })
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()))
    for (const drop of drops) await drop()
    rmSync(dir, { recursive: true, force: true })
  })
  return async (options = {}) => {
    const fresh = options.dbUrl ? null : await freshDbUrl(engine, dir, `torii-${servers.length}.db`)
    if (fresh) drops.push(fresh.drop)
    const server = await startServer({
      port: 0,
      dbUrl: fresh?.url,
      // A PostgreSQL database has no folder beside it for the signing key file: the test's folder is one.
      signingKeyFile: engine === 'postgres' ? join(dir, `signing-key-${servers.length}.pem`) : undefined,
      bannerDist: writeFakeBanner(dir),
      quiet: true,
      ...options,
    })
    servers.push(server)
    return server
  }
}
