import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { receiptBody, type ServerProcess, spawnServer } from './testing/server-process.ts'

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url))
const START = ['scripts/start.mjs', '--dist']

// `pnpm start` runs the build (scripts/start.mjs, then dist/main.mjs) with plain Node: this builds it into
// a temporary folder and starts it the same way, on a fresh database.
describe('the production build', () => {
  let dir: string
  let out: string
  let server: ServerProcess

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'torii-build-'))
    // Inside the package, as dist/ is: the build imports its npm dependencies from node_modules.
    const cache = join(SERVER_DIR, 'node_modules', '.cache')
    mkdirSync(cache, { recursive: true })
    out = mkdtempSync(join(cache, 'torii-build-'))
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--outdir', out], {
      cwd: SERVER_DIR,
      encoding: 'utf8',
    })
    expect(built.status, built.stderr).toBe(0)
    // NODE_DEBUG=esm logs every module Node loads: the tests read which ones.
    server = await spawnServer(
      {
        TORII_DB_URL: `file:${join(dir, 'data', 'torii.db')}`,
        TORII_SEAL_INTERVAL_MS: '100',
        NODE_DEBUG: 'esm',
      },
      60_000,
      [...START, out]
    )
  }, 90_000)

  afterAll(async () => {
    if (server?.child.exitCode === null) {
      server.child.kill('SIGTERM')
      await server.exited
    }
    rmSync(dir, { recursive: true, force: true })
    rmSync(out, { recursive: true, force: true })
  })

  it('writes plain JavaScript that never imports tsx', () => {
    const files = readdirSync(out).filter((f) => f.endsWith('.mjs'))
    expect(files).toEqual(expect.arrayContaining(['main.mjs', 'index.mjs', 'writer-worker.mjs']))
    for (const file of files) expect(readFileSync(join(out, file), 'utf8')).not.toMatch(/["']tsx(\/|["'])/)
  })

  it('starts in demo mode and serves the gate, the demo site, the admin and health', async () => {
    const { url } = server
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
    const gate = await fetch(`${url}/s/xtra/gate.js`)
    expect(gate.status).toBe(200)
    // The inlined GateConfig: a tuple led by the site id.
    expect(await gate.text()).toContain('["xtra",1,[["necessary",')
    expect((await fetch(`${url}/demo/`)).status).toBe(200)
    expect((await fetch(`${url}/admin/`)).status).toBe(200)
  })

  it('records a receipt through its bundled writer thread and seals it, with no tsx loaded', async () => {
    const { url } = server
    const posted = await fetch(`${url}/s/xtra/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: receiptBody(1, url),
    })
    expect(posted.status).toBe(201)
    const { id } = (await posted.json()) as { id: string }
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${url}/receipts/${id}`)).json()) as { inclusion?: unknown }).inclusion,
        { timeout: 10_000 }
      )
      .toMatchObject({ batch: 1, leafIndex: 0 })
    const loaded = server.output()
    expect(loaded).toContain(join(out, 'writer-worker.mjs'))
    expect(loaded).not.toContain('writer-thread.ts')
    expect(loaded).not.toMatch(/node_modules\/(\.pnpm\/)?tsx/)
    // The thread started: no fallback to writing on the main thread.
    expect(loaded).not.toContain('writer thread')
  })

  it('refuses to start a missing build, or one older than its sources, with one line saying so', () => {
    const start = (dist: string) =>
      spawnSync(process.execPath, [...START, dist], {
        cwd: SERVER_DIR,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', PORT: '0', TORII_DB_URL: `file:${join(dir, 'unused.db')}` },
        timeout: 20_000,
      })
    const missing = start(join(dir, 'nowhere'))
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/^torii: the server is not built .*run pnpm build/)
    const main = join(out, 'main.mjs')
    utimesSync(main, new Date('2001-01-01'), new Date('2001-01-01'))
    const stale = start(out)
    expect(stale.status).toBe(1)
    expect(stale.stderr.trim()).toBe(
      "torii: the server's build is older than src, drizzle, ../schema/src, ../demo/src: run pnpm build"
    )
  })
})
