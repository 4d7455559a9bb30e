import { spawn } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url))
const TSX = join(SERVER_DIR, 'node_modules', '.bin', 'tsx')

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'torii-main-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Runs `tsx src/main.ts` with `env` until it exits; bad input must make it exit by itself. */
function run(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/main.ts'], {
      cwd: SERVER_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        TORII_DB_URL: `file:${join(dir, 'unused.db')}`,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stderr, stdout }))
  })
}

function expectOneLine(stderr: string, ...parts: string[]) {
  const lines = stderr.trim().split('\n')
  expect(lines, stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^torii: /)
  for (const part of parts) expect(lines[0]).toContain(part)
  expect(stderr).not.toMatch(/\n\s+at /)
}

describe('pnpm start with bad input', { timeout: 90_000 }, () => {
  it('a corrupt database file: exit 1, one line naming the path', async () => {
    const path = join(dir, 'corrupt.db')
    writeFileSync(path, 'this is not an SQLite database, just text. '.repeat(20))
    const { code, stderr } = await run({ TORII_DB_URL: `file:${path}` })
    expect(code).toBe(1)
    expectOneLine(stderr, path, 'not a database')
  })

  it('a database path that cannot be created (its folder is a file): exit 1, one line naming the path', async () => {
    const blocker = join(dir, 'a-file')
    writeFileSync(blocker, '')
    const path = join(blocker, 'torii.db')
    const { code, stderr } = await run({ TORII_DB_URL: `file:${path}` })
    expect(code).toBe(1)
    expectOneLine(stderr, path)
  })

  it('a folder given as the database: exit 1, one line naming the path', async () => {
    const { code, stderr } = await run({ TORII_DB_URL: `file:${dir}` })
    expect(code).toBe(1)
    expectOneLine(stderr, dir)
  })

  it('bad env values: exit 1, one line per variable listing what is accepted', async () => {
    // Every variable's rules are unit-tested in env.test.ts; these prove main.ts reports them and exits.
    const [port, demo, two, key] = await Promise.all([
      run({ PORT: 'eighty' }),
      run({ TORII_DEMO: 'maybe' }),
      run({ PORT: '-1', TORII_LOG_LEVEL: 'loud' }),
      run({ TORII_SIGNING_KEY: 'not-a-key', TORII_DB_URL: `file:${join(dir, 'key.db')}` }),
    ])
    expect(key.code).toBe(1)
    expectOneLine(key.stderr, 'TORII_SIGNING_KEY')
    expect(port.code).toBe(1)
    expectOneLine(port.stderr, 'PORT="eighty"', '0 to 65535')
    expect(demo.code).toBe(1)
    expectOneLine(demo.stderr, 'TORII_DEMO="maybe"', 'auto, on, off')
    expect(two.code).toBe(1)
    expect(two.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^torii: PORT="-1" is not valid/),
      expect.stringMatching(
        /^torii: TORII_LOG_LEVEL="loud" is not valid; accepted: debug, info, warn, error, silent/
      ),
    ])
  })

  it('a HOST others reach without TORII_PUBLIC_URL: exit 1, one line naming the variable', async () => {
    const { code, stderr } = await run({ HOST: '0.0.0.0' })
    expect(code).toBe(1)
    expectOneLine(stderr, 'TORII_PUBLIC_URL is not set', 'HOST=0.0.0.0')
  })

  it('a port in use: exit 1, one line', async () => {
    const blocker: Server = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      // A signing key from the environment: no "generated a key" warning before the error.
      const { privateKey } = generateKeyPairSync('ed25519')
      const key = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')
      const { code, stderr } = await run({
        PORT: String(port),
        TORII_DB_URL: `file:${join(dir, 'port.db')}`,
        TORII_SIGNING_KEY: key,
      })
      expect(code).toBe(1)
      expectOneLine(stderr, `127.0.0.1:${port}`, 'in use')
    } finally {
      blocker.close()
    }
  })
})
