import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RunningServer, StartServerOptions } from '@torii/server'
import { afterAll, beforeAll } from 'vitest'

/** The built banner the server serves; e2e needs `pnpm build` first. */
export const BANNER_DIST = fileURLToPath(new URL('../../packages/banner/dist/', import.meta.url))

export interface TestServer extends RunningServer {
  /** The libSQL URL of this server's own fresh database (`file:<temp dir>/torii.db`). */
  dbUrl: string
  /** The temp folder holding the database, removed by `close()`. */
  dir: string
  /** Absolute URL of a path on this server: `server.at('/demo/')`. */
  at(path: string): string
}

/**
 * Starts the real server on 127.0.0.1 with a random port and a fresh database in a temp folder, in demo mode
 * (site `xtra` published, admin admin@example.com / torii-demo); `close()` stops it and deletes the folder.
 */
export async function startTestServer(options: StartServerOptions = {}): Promise<TestServer> {
  if (!options.bannerDist && !existsSync(join(BANNER_DIST, 'manifest.json'))) {
    throw new Error(
      `The banner is not built (${BANNER_DIST}manifest.json is missing): run \`pnpm build\` first`
    )
  }
  const dir = await mkdtemp(join(tmpdir(), 'torii-e2e-'))
  const dbUrl = `file:${join(dir, 'torii.db')}`
  const { startServer } = await import('@torii/server')
  let running: RunningServer
  try {
    running = await startServer({ port: 0, host: '127.0.0.1', dbUrl, demo: true, quiet: true, ...options })
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  return {
    ...running,
    dbUrl,
    dir,
    at: (path: string) => new URL(path, running.url).href,
    async close() {
      await running.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Registers hooks: one test server for the whole file (started in `beforeAll`, closed in `afterAll`). */
export function useTestServer(options?: StartServerOptions): () => TestServer {
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
