import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { publishSites } from './testing/region-sites.ts'
import { type ServerProcess, spawnServer } from './testing/server-process.ts'
import { type CachedResponse, type SharedCache, startSharedCache } from './testing/shared-cache.ts'

// Issue #18: a CDN in front of the gate keeps serving it while the server is down. Varnish runs
// stale-on-error-cache.vcl: it serves an expired object for as long as the response's stale-if-error allows,
// and expires objects after 1 s, so the test sees the outage outlast the freshness.

const STALE_ON_ERROR_VCL = new URL('./testing/stale-on-error-cache.vcl', import.meta.url)
const FILES = ['/s/plain/gate.js', '/s/plain/config.json']

let dir: string | undefined
let server: ServerProcess | undefined
let cache: SharedCache | undefined
afterEach(async () => {
  await cache?.close()
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGKILL')
    await server.exited
  }
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = server = cache = undefined
})

describe('gate.js and config.json behind a CDN while the server is down', { timeout: 60_000 }, () => {
  it('are still served, stale, once the server is gone and their freshness has run out', async () => {
    dir = mkdtempSync(join(tmpdir(), 'torii-outage-'))
    const dbUrl = `file:${join(dir, 'torii.db')}`
    await publishSites(dbUrl, { plain: undefined })
    server = await spawnServer({ TORII_DB_URL: dbUrl, TORII_DEMO: 'off' })
    cache = await startSharedCache({ origin: server.url, vcl: STALE_ON_ERROR_VCL })
    const fresh = new Map<string, string>()
    for (const path of FILES) {
      const res = await cache.get(path)
      expect(res.status, path).toBe(200)
      expect(res.headers['cache-control'], path).toMatch(/(^|, )stale-if-error=86400(,|$)/)
      fresh.set(path, res.body)
    }

    server.child.kill('SIGKILL')
    await server.exited
    for (const path of FILES) {
      // Asked again until the stored copy is past its TTL (Age 2 s and more), or the cache has nothing to give.
      let outage: CachedResponse | undefined
      await expect
        .poll(
          async () => {
            outage = await cache!.get(path)
            return outage.status !== 200 || Number(outage.headers.age) >= 2
          },
          { timeout: 15_000 }
        )
        .toBe(true)
      expect(outage!.status, `${path} while the server is down`).toBe(200)
      expect(outage!.hit).toBe(true)
      expect(outage!.body).toBe(fresh.get(path))
    }
  })
})
