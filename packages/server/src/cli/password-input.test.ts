import { spawn } from 'node:child_process'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { verifyPassword } from '../auth/password.ts'
import { findUser } from '../auth/users.ts'
import { createTestDb } from '../testing/test-db.ts'
import type { CliIo } from './io.ts'
import { runCli } from './main.ts'

type TestDb = Awaited<ReturnType<typeof createTestDb>>
let db: TestDb
let url: string

beforeEach(async () => {
  db = await createTestDb()
  url = `file:${db.path}`
})
afterEach(() => {
  vi.unstubAllEnvs()
  db.cleanup()
})

function run(argv: string[], stdinText = '') {
  const err: string[] = []
  const out: string[] = []
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    stdout: process.stdout,
    stdin: Readable.from([stdinText]),
  }
  return runCli(argv, io).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }))
}

const create = (...extra: string[]) => [
  'admin',
  'create',
  '--email',
  'owner@example.com',
  '--db',
  url,
  ...extra,
]

describe('admin create takes no password on the command line', () => {
  it('refuses --password, saying why and what to use instead, and creates no user', async () => {
    const refused = await run(create('--password', 'a-long-password'))
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(/--password is refused: .*shows in ps and stays in the shell's history/)
    expect(refused.err).toMatch(/in a terminal .*--password-stdin.*TORII_ADMIN_PASSWORD/)
    expect(await findUser(db.db, 'owner@example.com')).toBeNull()
  })

  it('reads it from --password-stdin or TORII_ADMIN_PASSWORD, naming the source of a short one', async () => {
    expect((await run(create('--password-stdin'), 'from-stdin-123\n')).code).toBe(0)
    const user = await findUser(db.db, 'owner@example.com')
    expect(await verifyPassword('from-stdin-123', user!.passwordHash)).toBe(true)

    vi.stubEnv('TORII_ADMIN_PASSWORD', 'from-the-env-123')
    expect((await run(['admin', 'create', '--email', 'two@example.com', '--db', url])).code).toBe(0)
    const two = await findUser(db.db, 'two@example.com')
    expect(await verifyPassword('from-the-env-123', two!.passwordHash)).toBe(true)

    vi.stubEnv('TORII_ADMIN_PASSWORD', 'short')
    const short = await run(['admin', 'create', '--email', 'three@example.com', '--db', url])
    expect(short.code).toBe(2)
    expect(short.err).toMatch(/the password from TORII_ADMIN_PASSWORD must be at least 10 characters/)
  })

  it('without a terminal, a flag or the variable, says how to give it', async () => {
    const none = await run(create(), 'piped-but-not-asked-for\n')
    expect(none.code).toBe(2)
    expect(none.err).toMatch(/no password given and no terminal to ask on/)
    expect(await findUser(db.db, 'owner@example.com')).toBeNull()
  })

  it('asks twice on a terminal without echoing what is typed', async () => {
    const bin = fileURLToPath(new URL('../../bin/torii.mjs', import.meta.url))
    const command = [process.execPath, bin, ...create()].map((arg) => `'${arg}'`).join(' ')
    // script(1) runs the CLI on a pseudo-terminal, as a person at a terminal would.
    const { TORII_ADMIN_PASSWORD: _unset, ...env } = process.env
    const child = spawn('script', ['-qec', command, '/dev/null'], { env })
    let screen = ''
    const typed = 'typed-secret-4567'
    const answered = new Set<string>()
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString()
      // Type only once the prompt is up: before that the terminal would still echo.
      for (const promptText of ['New password:', 'Repeat it:']) {
        if (screen.includes(promptText) && !answered.has(promptText)) {
          answered.add(promptText)
          child.stdin.write(`${typed}\r`)
        }
      }
    })
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(screen).toContain('Repeat it:')
    expect(screen).not.toContain(typed)
    expect(code, screen).toBe(0)
    const user = await findUser(db.db, 'owner@example.com')
    expect(await verifyPassword(typed, user!.passwordHash)).toBe(true)
  }, 30_000)
})
