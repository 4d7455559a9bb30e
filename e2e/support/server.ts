import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RunningServer, StartServerOptions } from '@torii/server'
import type { Dialect } from '@torii/server/db/sql-client'
import { createPgDatabase } from '@torii/server/testing/pg-cluster'
import type {} from '@torii/server/testing/pg-global-setup'
import { pgAdminUrl } from '@torii/server/testing/test-engines'
import { afterAll, beforeAll } from 'vitest'

/** `describe.skipIf(engineMissing('postgres'))`: no PostgreSQL here (outside CI, where that fails the run). */
export { engineMissing } from '@torii/server/testing/test-engines'

/** The built banner the server serves; e2e needs `pnpm build` first. */
export const BANNER_DIST = fileURLToPath(new URL('../../packages/banner/dist/', import.meta.url))

export interface TestServerOptions extends StartServerOptions {
  /**
   * The database engine: a libSQL file (default), or a fresh database on the e2e run's PostgreSQL cluster
   * (vitest.config.ts's globalSetup; tests on it skip with `engineMissing('postgres')`), dropped by `close()`.
   */
  engine?: Dialect
}

export interface TestServer extends RunningServer {
  /** This server's own fresh database: `file:<temp dir>/torii.db`, or a `postgres://` URL. */
  dbUrl: string
  /** The temp folder holding the database, removed by `close()`. */
  dir: string
  /** Absolute URL of a path on this server: `server.at('/demo/')`. */
  at(path: string): string
}

/**
 * Starts the real server on 127.0.0.1 with a random port and a fresh database (a file in a temp folder, or
 * with `engine: 'postgres'` a new PostgreSQL database, its signing key file in the folder), in demo mode
 * (site `xtra` published, admin admin@example.com / torii-demo); `close()` stops it and deletes both.
 */
export async function startTestServer({
  engine = 'sqlite',
  ...options
}: TestServerOptions = {}): Promise<TestServer> {
  if (!options.bannerDist && !existsSync(join(BANNER_DIST, 'manifest.json'))) {
    throw new Error(
      `The banner is not built (${BANNER_DIST}manifest.json is missing): run \`pnpm build\` first`
    )
  }
  const dir = await mkdtemp(join(tmpdir(), 'torii-e2e-'))
  const postgres = engine === 'postgres' ? await createPgDatabase(pgAdminUrl(), 'torii_e2e') : null
  const dbUrl = postgres?.url ?? `file:${join(dir, 'torii.db')}`
  const removeData = async () => {
    await postgres?.drop()
    await rm(dir, { recursive: true, force: true })
  }
  const { startServer } = await import('@torii/server')
  let running: RunningServer
  try {
    running = await startServer({
      port: 0,
      host: '127.0.0.1',
      dbUrl,
      // No file beside a PostgreSQL database to keep the key in: the folder holds it.
      signingKeyFile: postgres ? join(dir, 'torii-signing-key.pem') : undefined,
      demo: true,
      quiet: true,
      ...options,
    })
  } catch (error) {
    await removeData()
    throw error
  }
  return {
    ...running,
    dbUrl,
    dir,
    at: (path: string) => new URL(path, running.url).href,
    async close() {
      await running.close()
      await removeData()
    },
  }
}

/** Registers hooks: one test server for the whole file (started in `beforeAll`, closed in `afterAll`). */
export function useTestServer(options?: TestServerOptions): () => TestServer {
  let server: TestServer | undefined
  beforeAll(async () => {
    server = await startTestServer(options)
  })
  afterAll(async () => {
    await server?.close()
  })
  return () => {
    if (!server) throw new Error('useTestServer(): the server starts in beforeAll; use it inside a test')
    return server
  }
}
