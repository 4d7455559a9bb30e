import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CSRF_HEADER } from '@torii/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_ADMIN, type RunningServer, type StartServerOptions, startServer } from '../index.ts'
import { writeFakeBanner } from '../testing/test-app.ts'
import { engineMissing, freshDbUrl, TEST_ENGINES } from '../testing/test-engines.ts'

const PUBLIC_URL = 'https://consent.example.com'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('demo safety', () => {
    let dir: string
    let database: { url: string; drop(): Promise<void> }
    let servers: RunningServer[]
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'torii-demo-safety-'))
      database = await freshDbUrl(engine, dir)
      servers = []
    })
    afterEach(async () => {
      await Promise.all(servers.map((server) => server.close()))
      await database.drop()
      rmSync(dir, { recursive: true, force: true })
    })

    async function start(options: StartServerOptions = {}): Promise<RunningServer> {
      const server = await startServer({
        port: 0,
        dbUrl: database.url,
        // A PostgreSQL database has no folder beside it for the key file: the test's folder is one.
        signingKeyFile: join(dir, 'signing-key.pem'),
        bannerDist: writeFakeBanner(dir),
        quiet: true,
        ...options,
      })
      servers.push(server)
      return server
    }

    /** The API on loopback, whatever host the server listens on. */
    function local(server: RunningServer, path: string): string {
      return `http://127.0.0.1:${server.port}/api/admin${path}`
    }

    async function login(server: RunningServer, email: string, password: string) {
      const response = await fetch(local(server, '/session'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
      if (response.status !== 200) return { status: response.status, headers: {} as Record<string, string> }
      const info = (await response.json()) as { csrfToken: string; mustChangePassword?: true }
      const cookie = response.headers.get('set-cookie')!.split(';')[0]!
      return { status: 200, info, headers: { cookie, [CSRF_HEADER]: info.csrfToken } }
    }

    describe('demo mode only where it is safe', () => {
      it('on 127.0.0.1 without a public URL: the demo with its published login', async () => {
        const server = await start({ host: '127.0.0.1' })
        expect(server.demo).toMatchObject({ created: true, adminCreated: true })
        expect(server.oneTimeLogin).toBeNull()
        expect((await login(server, DEMO_ADMIN.email, DEMO_ADMIN.password)).status).toBe(200)
      })

      it('on 0.0.0.0: no demo, an admin with a one-time password to change before anything else', async () => {
        const server = await start({ host: '0.0.0.0', publicUrl: PUBLIC_URL })
        expect(server.demo).toBe(false)
        expect((await fetch(`http://127.0.0.1:${server.port}/demo/`)).status).toBe(404)
        const first = server.oneTimeLogin!
        expect(first.password).toMatch(/^[A-Za-z0-9_-]{24}$/)
        expect((await login(server, first.email, DEMO_ADMIN.password)).status).toBe(401)

        const session = await login(server, first.email, first.password)
        expect(session.info).toMatchObject({ mustChangePassword: true })
        const refused = await fetch(local(server, '/sites'), { headers: session.headers })
        expect(refused.status).toBe(403)
        expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
          'password_change_required'
        )
        const who = await fetch(local(server, '/session'), { headers: session.headers })
        expect(await who.json()).toMatchObject({ mustChangePassword: true })

        const changed = await fetch(local(server, '/session/password'), {
          method: 'PUT',
          headers: { ...session.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ currentPassword: first.password, newPassword: 'my own password 1' }),
        })
        expect(changed.status).toBe(204)
        expect((await fetch(local(server, '/sites'), { headers: session.headers })).status).toBe(200)
        const again = await fetch(local(server, '/session'), { headers: session.headers })
        expect(await again.json()).not.toHaveProperty('mustChangePassword')
      })

      it('on loopback with a public URL, as elsewhere: no published login', async () => {
        const server = await start({ host: '127.0.0.1', publicUrl: PUBLIC_URL })
        expect(server.demo).toBe(false)
        expect(server.oneTimeLogin?.email).toBe(DEMO_ADMIN.email)
        expect((await login(server, DEMO_ADMIN.email, DEMO_ADMIN.password)).status).toBe(401)
      })

      it('a demo database served on 0.0.0.0 later: the published password stops working', async () => {
        const laptop = await start({ host: '127.0.0.1' })
        await laptop.close()
        const server = await start({ host: '0.0.0.0', publicUrl: PUBLIC_URL })
        // The database holds the demo site: it is still served, but its admin got a one-time password.
        expect(server.demo).not.toBe(false)
        expect(server.oneTimeLogin?.email).toBe(DEMO_ADMIN.email)
        expect((await login(server, DEMO_ADMIN.email, DEMO_ADMIN.password)).status).toBe(401)
        const session = await login(server, DEMO_ADMIN.email, server.oneTimeLogin!.password)
        expect(session.info).toMatchObject({ mustChangePassword: true })
      })
    })
  })
})
