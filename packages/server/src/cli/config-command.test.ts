import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SiteConfig, SiteRole } from '@torii/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAudit } from '../audit/audit-log.ts'
import { createDb, type Database } from '../db/client.ts'
import { type RunningServer, startServer } from '../index.ts'
import { getDraft } from '../sites/drafts.ts'
import { getLiveRevision } from '../sites/revisions.ts'
import { createApiToken } from '../teams/api-tokens.ts'
import { captureIo } from '../testing/capture-io.ts'
import { servedRevision, waitUntil } from '../testing/servers-on-postgres.ts'
import { writeFakeBanner } from '../testing/test-app.ts'
import { engineMissing, freshDbUrl, TEST_ENGINES } from '../testing/test-engines.ts'
import { runCli } from './main.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('config pull and push', () => {
    let dir: string
    let dbUrl: string
    let dropDb: () => Promise<void>
    let server: RunningServer
    let database: Database

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'torii-config-'))
      ;({ url: dbUrl, drop: dropDb } = await freshDbUrl(engine, dir))
      server = await startServer({
        port: 0,
        dbUrl,
        // A PostgreSQL database has no folder beside it for the key file: the test's folder is one.
        signingKeyFile: join(dir, 'signing-key.pem'),
        bannerDist: writeFakeBanner(dir),
        demo: true,
        quiet: true,
      })
      database = await createDb({ url: dbUrl })
    })
    afterAll(async () => {
      await database.close()
      await server.close()
      await dropDb()
      rmSync(dir, { recursive: true, force: true })
    })

    async function draftOf(): Promise<SiteConfig> {
      return (await getDraft(database.db, 'xtra'))!.config
    }

    /** Writes `config` to a file in the test folder and returns its path. */
    function configFile(name: string, config: unknown): string {
      const path = join(dir, name)
      writeFileSync(path, JSON.stringify(config))
      return path
    }

    function renamed(config: SiteConfig, name: string): SiteConfig {
      return { ...config, vendors: config.vendors.map((v, i) => (i === 0 ? { ...v, name } : v)) }
    }

    async function withToken<T>(
      role: SiteRole,
      run: () => Promise<T>
    ): Promise<{ result: T; tokenId: string }> {
      const { token, secret } = await createApiToken(database.db, {
        siteId: 'xtra',
        name: 'ci',
        role,
        createdBy: 'test',
      })
      process.env.TORII_API_TOKEN = secret
      try {
        return { result: await run(), tokenId: token.id }
      } finally {
        delete process.env.TORII_API_TOKEN
      }
    }

    describe('torii config', () => {
      it('pull prints the draft as JSON, or writes it to --out', async () => {
        const printed = captureIo()
        expect(await runCli(['config', 'pull', '--site', 'xtra', '--db', dbUrl], printed.io)).toBe(0)
        expect(JSON.parse(printed.stdoutText())).toEqual(await draftOf())
        const out = join(dir, 'pulled.json')
        expect(
          await runCli(['config', 'pull', '--site', 'xtra', '--db', dbUrl, '--out', out], captureIo().io)
        ).toBe(0)
        expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(await draftOf())
        const unknown = captureIo()
        expect(await runCli(['config', 'pull', '--site', 'nowhere', '--db', dbUrl], unknown.io)).toBe(1)
        expect(unknown.err.join('\n')).toMatch(/no site "nowhere"/)
      })

      it('push refuses an invalid file, naming the path of each error, and saves nothing', async () => {
        const before = await draftOf()
        const bad = {
          ...before,
          vendors: before.vendors.map((v, i) => (i === 0 ? { ...v, purposes: [] } : v)),
        }
        const run = captureIo()
        expect(
          await runCli(
            ['config', 'push', '--site', 'xtra', '--db', dbUrl, '--yes', configFile('bad.json', bad)],
            run.io
          )
        ).toBe(1)
        expect(run.err.join('\n')).toMatch(/vendors\.0\.purposes: a vendor needs at least one purpose/)
        expect(await draftOf()).toEqual(before)
      })

      it('push shows the diff, asks, saves the draft and records config.push; --publish publishes', async () => {
        const before = await draftOf()
        const vendor = before.vendors[0]!
        const file = configFile('renamed.json', renamed(before, 'Renamed vendor'))
        const declined = captureIo('n\n')
        expect(await runCli(['config', 'push', '--site', 'xtra', '--db', dbUrl, file], declined.io)).toBe(1)
        expect(declined.out).toContain(
          `~ vendors.${vendor.key}.name: ${JSON.stringify(vendor.name)} → "Renamed vendor"`
        )
        expect(await draftOf()).toEqual(before)

        const accepted = captureIo('y\n')
        expect(await runCli(['config', 'push', '--site', 'xtra', '--db', dbUrl, file], accepted.io)).toBe(0)
        expect((await draftOf()).vendors[0]!.name).toBe('Renamed vendor')
        const [entry] = (await listAudit(database.db, { siteId: 'xtra', limit: 1 })).entries
        expect(entry).toMatchObject({
          action: 'config.push',
          actor: expect.stringMatching(/^cli:/),
          detail: { changes: 1 },
        })

        const live = await getLiveRevision(database.db, 'xtra')
        // The running server has the live revision cached now.
        expect(await servedRevision(server.url)).toBe(live!.number)
        const published = captureIo()
        expect(
          await runCli(
            ['config', 'push', '--site', 'xtra', '--db', dbUrl, '--yes', '--publish', file],
            published.io
          )
        ).toBe(0)
        expect(published.out).toEqual([
          'no changes to the draft of site "xtra"',
          `published revision ${live!.number + 1}`,
        ])
        // On PostgreSQL the CLI tells the running servers, which serve it at once (libSQL: within the TTL).
        if (engine === 'postgres')
          await waitUntil(
            'the server serves the published revision',
            async () => (await servedRevision(server.url)) === live!.number + 1,
            1000
          )
      })

      it('talks to a running server with --url and an API token, whose role decides', async () => {
        const pulled = await withToken('viewer', async () => {
          const io = captureIo()
          expect(await runCli(['config', 'pull', '--site', 'xtra', '--url', server.url], io.io)).toBe(0)
          return JSON.parse(io.stdoutText()) as SiteConfig
        })
        expect(pulled.result).toEqual(await draftOf())
        const file = configFile('remote.json', renamed(pulled.result, 'Pushed over HTTP'))
        const refused = await withToken('viewer', async () => {
          const io = captureIo()
          return {
            code: await runCli(
              ['config', 'push', '--site', 'xtra', '--url', server.url, '--yes', file],
              io.io
            ),
            io,
          }
        })
        expect(refused.result.code).toBe(1)
        expect(refused.result.io.err.join('\n')).toMatch(/saving the draft: 403 forbidden/)
        const pushed = await withToken('editor', () =>
          runCli(['config', 'push', '--site', 'xtra', '--url', server.url, '--yes', file], captureIo().io)
        )
        expect(pushed.result).toBe(0)
        expect((await draftOf()).vendors[0]!.name).toBe('Pushed over HTTP')
        const [entry] = (await listAudit(database.db, { siteId: 'xtra', limit: 1 })).entries
        expect(entry).toMatchObject({ action: 'config.push', actor: `token:${pushed.tokenId}` })
        const noToken = captureIo()
        expect(await runCli(['config', 'pull', '--site', 'xtra', '--url', server.url], noToken.io)).toBe(2)
        expect(noToken.err.join('\n')).toMatch(/TORII_API_TOKEN/)
      })
    })
  })
})
