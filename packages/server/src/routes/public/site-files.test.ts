import { GATE, GATE_CONFIG_PLACEHOLDER, type Revision } from '@torii/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, gateConfigOf, signIn, type TestApp, UI_CHUNK } from '../../testing/test-app.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('site files', () => {
    let test: TestApp
    beforeEach(async () => {
      test = await createTestApp({ engine })
    })
    afterEach(async () => {
      await test.close()
    })

    describe('GET /s/:siteId/gate.js', () => {
      it('inlines the live revision as GateConfig in place of the placeholder', async () => {
        const res = await test.app.request('/s/xtra/gate.js')
        expect(res.status).toBe(200)
        expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
        const source = await res.text()
        expect(source).not.toContain(GATE_CONFIG_PLACEHOLDER)
        const config = gateConfigOf(source)
        // A tuple (fields at GATE's indexes); its vendors [key, purposes, hosts], purposes [key, consentTypes,
        // required, gpcDenies].
        expect(config[GATE.siteId]).toBe('xtra')
        expect(config[GATE.revision]).toBe(1)
        expect(config[GATE.ui]).toBe(`/${UI_CHUNK}`)
        expect(config[GATE.vendors].map(([key]) => key)).toEqual(['google-analytics', 'google-adsense'])
        expect(config[GATE.purposes].find(([key]) => key === 'advertising')?.[3]).toBe(true)
      })

      it('sends a strong ETag, short caching with stale-while-revalidate, and 304 on If-None-Match', async () => {
        const first = await test.app.request('/s/xtra/gate.js')
        const etag = first.headers.get('etag')
        expect(etag).toMatch(/^"[^"]+"$/)
        expect(first.headers.get('cache-control')).toBe(
          'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400'
        )
        expect(first.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
        const again = await test.app.request('/s/xtra/gate.js', { headers: { 'if-none-match': etag! } })
        expect(again.status).toBe(304)
        expect(await again.text()).toBe('')
        expect(again.headers.get('etag')).toBe(etag)
        const other = await test.app.request('/s/xtra/gate.js', { headers: { 'if-none-match': '"nope"' } })
        expect(other.status).toBe(200)
        // A list, a weak form of the same tag, and `*` all match (RFC 9110 weak comparison for If-None-Match).
        for (const header of [`"a", ${etag}`, `W/${etag}`, '*']) {
          const res = await test.app.request('/s/xtra/gate.js', { headers: { 'if-none-match': header } })
          expect(res.status, header).toBe(304)
          expect(res.headers.get('cache-control')).toBe(
            'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400'
          )
        }
      })

      it('serves brotli, else gzip, each with its own strong ETag, as Accept-Encoding allows', async () => {
        const { brotliDecompressSync, gunzipSync } = await import('node:zlib')
        const plain = await test.app.request('/s/xtra/gate.js')
        const source = await plain.text()
        const cases: [string, string | null, (b: Uint8Array) => Buffer | Uint8Array][] = [
          ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
          ['gzip, br;q=0', 'gzip', gunzipSync],
          ['GZIP', 'gzip', gunzipSync],
          ['*', 'br', brotliDecompressSync],
          ['*;q=0, gzip', 'gzip', gunzipSync],
          ['br;q=0.5, gzip', 'gzip', gunzipSync],
          ['br;q=0.8, gzip;q=0.8', 'br', brotliDecompressSync],
          ['br;q=abc, gzip', 'gzip', gunzipSync],
          ['gzip;q=0, deflate', null, (b) => b],
          ['identity', null, (b) => b],
        ]
        const etags = new Set([plain.headers.get('etag')])
        for (const [accept, coding, decode] of cases) {
          const res = await test.app.request('/s/xtra/gate.js', { headers: { 'accept-encoding': accept } })
          expect(res.headers.get('content-encoding'), accept).toBe(coding)
          expect(res.headers.get('vary'), accept).toMatch(/Accept-Encoding/)
          expect(res.headers.get('etag'), accept).toMatch(/^"[^"]+"$/)
          etags.add(res.headers.get('etag'))
          expect(Buffer.from(decode(new Uint8Array(await res.arrayBuffer()))).toString(), accept).toBe(source)
          // A client holding this coding's ETag gets a 304; another coding's ETag does not match it.
          const again = await test.app.request('/s/xtra/gate.js', {
            headers: { 'accept-encoding': accept, 'if-none-match': res.headers.get('etag')! },
          })
          expect(again.status, accept).toBe(304)
        }
        expect(etags.size).toBe(3)
      })

      it('keeps the rendered bodies when the TTL runs out and nothing was published', async () => {
        const first = await test.app.liveCache.get('xtra')
        test.app.liveCache.invalidate()
        const afterPublish = await test.app.liveCache.get('xtra')
        expect(afterPublish?.gate).not.toBe(first?.gate)
        const cache = (await import('../../sites/live-cache.ts')).createLiveCache({
          db: test.database.db,
          readBanner: () => null,
          ttlMs: 0,
        })
        const a = await cache.get('xtra')
        const b = await cache.get('xtra')
        expect(b).toBe(a)
        expect(b?.config.bytes.br.length).toBeGreaterThan(0)
      })

      it('answers 404 JSON for an unknown or malformed site id', async () => {
        for (const id of ['nope', 'UPPER', '..%2f..%2fetc', 'a'.repeat(200)]) {
          const res = await test.app.request(`/s/${id}/gate.js`)
          expect(res.status, id).toBe(404)
          const body = (await res.json()) as { error: { code: string; message: string } }
          expect(body.error.code).toBe('not_found')
        }
      })

      it('answers 503 JSON naming `pnpm build` when the banner is not built', async () => {
        const bare = await createTestApp({ engine, noBanner: true })
        try {
          const res = await bare.app.request('/s/xtra/gate.js')
          expect(res.status).toBe(503)
          const body = (await res.json()) as { error: { code: string; message: string } }
          expect(body.error.code).toBe('banner_not_built')
          expect(body.error.message).toContain('pnpm build')
        } finally {
          await bare.close()
        }
      })

      it('serves the new revision right after a publish (cache invalidated)', async () => {
        const before = await test.app.request('/s/xtra/gate.js')
        const etag = before.headers.get('etag')!
        expect(gateConfigOf(await before.text())[GATE.revision]).toBe(1)
        const admin = await signIn(test, 'admin')
        const draft = (await (
          await test.app.request('/api/admin/sites/xtra/draft', { headers: admin.headers() })
        ).json()) as {
          draft: Revision['config']
        }
        draft.draft.options.waitForUpdateMs = 800
        const put = await test.app.request('/api/admin/sites/xtra/draft', {
          method: 'PUT',
          headers: admin.headers(),
          body: JSON.stringify(draft.draft),
        })
        expect(put.status).toBe(200)
        const published = await test.app.request('/api/admin/sites/xtra/publish', {
          method: 'POST',
          headers: admin.headers(),
        })
        expect(published.status).toBe(201)
        const after = await test.app.request('/s/xtra/gate.js', { headers: { 'if-none-match': etag } })
        expect(after.status).toBe(200)
        const config = gateConfigOf(await after.text())
        expect(config[GATE.revision]).toBe(2)
        expect(config[GATE.waitForUpdateMs]).toBe(800)
        const json = (await (await test.app.request('/s/xtra/config.json')).json()) as Revision
        expect(json.number).toBe(2)
      })
    })

    describe('GET /s/:siteId/config.json', () => {
      it('is the live revision, with ETag, 304 and CORS for any page', async () => {
        const res = await test.app.request('/s/xtra/config.json')
        expect(res.status).toBe(200)
        expect(res.headers.get('access-control-allow-origin')).toBe('*')
        const revision = (await res.json()) as Revision
        expect(revision.siteId).toBe('xtra')
        expect(revision.number).toBe(1)
        expect(revision.hash).toMatch(/^[0-9a-f]{64}$/)
        expect(revision.config.purposes.map((purpose) => purpose.key)).toEqual([
          'necessary',
          'analytics',
          'advertising',
        ])
        const again = await test.app.request('/s/xtra/config.json', {
          headers: { 'if-none-match': res.headers.get('etag')! },
        })
        expect(again.status).toBe(304)
        expect((await test.app.request('/s/nope/config.json')).status).toBe(404)
      })
    })

    describe('GET /healthz', () => {
      it('reports the database reachable', async () => {
        const res = await test.app.request('/healthz')
        expect(res.status).toBe(200)
        expect(await res.json()).toEqual({ ok: true, database: 'ok' })
      })

      it('answers 503 when the database is closed', async () => {
        test.database.client.close()
        const res = await test.app.request('/healthz')
        expect(res.status).toBe(503)
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('database_unreachable')
      })
    })

    describe('compression', () => {
      it('compresses other responses (assets, JSON) with Hono compress when the client accepts it', async () => {
        const page = await test.app.request('/s/xtra/disclosure?lang=ja', {
          headers: { 'accept-encoding': 'gzip' },
        })
        expect(page.headers.get('content-encoding')).toBe('gzip')
        const plain = await test.app.request('/s/xtra/disclosure?lang=ja')
        expect(plain.headers.get('content-encoding')).toBeNull()
        expect(await plain.text()).toContain('外部送信')
      })
    })
  })
})

// Assets and unknown routes read no database: one engine is enough.
describe('site files without the database', () => {
  let test: TestApp
  beforeEach(async () => {
    test = await createTestApp()
  })
  afterEach(async () => {
    await test.close()
  })

  describe('GET /assets/*', () => {
    it('serves the banner UI chunk as immutable, loadable cross-origin; 404 JSON otherwise', async () => {
      const res = await test.app.request(`/${UI_CHUNK}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
      expect(await res.text()).toContain('export function mount')
      const missing = await test.app.request('/assets/nope.js')
      expect(missing.status).toBe(404)
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found')
      const traversal = await test.app.request('/assets/..%2f..%2fmanifest.json')
      expect(traversal.status).toBe(404)
    })

    it("sends the build's brotli copy as it is when accepted, the plain file otherwise, both varying", async () => {
      const { brotliDecompressSync } = await import('node:zlib')
      const br = await test.app.request(`/${UI_CHUNK}`, {
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      })
      expect(br.headers.get('content-encoding')).toBe('br')
      expect(br.headers.get('vary')).toMatch(/Accept-Encoding/)
      expect(br.headers.get('content-type')).toMatch(/javascript/)
      expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(brotliDecompressSync(new Uint8Array(await br.arrayBuffer())).toString()).toContain(
        'export function'
      )
      const plain = await test.app.request(`/${UI_CHUNK}`)
      expect(plain.headers.get('content-encoding')).toBeNull()
      expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/)
      expect(await plain.text()).toContain('export function mount')
    })
  })

  describe('unknown routes', () => {
    it('answer 404 JSON', async () => {
      const res = await test.app.request('/nope')
      expect(res.status).toBe(404)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
    })
  })
})
