import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { type RunningServer, type StartServerOptions, startServer } from '../index.ts'
import { writeFakeBanner } from './test-app.ts'

/**
 * Real servers on 127.0.0.1 for one test file: each test gets a fresh temporary folder, and `start` a server
 * on a fresh database in it (a fake banner build, quiet), closed and deleted after the test.
 */
export function useTestServers(name: string): (options?: StartServerOptions) => Promise<RunningServer> {
  let dir: string
  let servers: RunningServer[]
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), `torii-${name}-`))
    servers = []
  })
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()))
    rmSync(dir, { recursive: true, force: true })
  })
  return async (options = {}) => {
    const server = await startServer({
      port: 0,
      dbUrl: `file:${join(dir, `torii-${servers.length}.db`)}`,
      bannerDist: writeFakeBanner(dir),
      quiet: true,
      ...options,
    })
    servers.push(server)
    return server
  }
}
