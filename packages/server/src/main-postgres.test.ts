// `pnpm start` on a PostgreSQL URL it cannot use: one line naming the host (never the password), exit 1.
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PgCluster, postgresBin, startPgCluster } from './testing/pg-cluster.ts'
import { runServerToExit } from './testing/server-process.ts'

const PASSWORD = 'Sekr3t-passw0rd'
const WRONG_PASSWORD = 'n0t-the-passw0rd'

let cluster: PgCluster
let host: string

beforeAll(async () => {
  if (!postgresBin() && !process.env.CI) return
  // A cluster of this file's own that wants a password (the run's shared cluster trusts every connection).
  cluster = await startPgCluster({ password: PASSWORD })
  host = new URL(cluster.adminUrl).host
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
})

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** The server's one stderr line, checked: `torii: `, the parts named, no password, no stack. */
function expectOneLine(stderr: string, ...parts: string[]) {
  const lines = stderr.trim().split('\n')
  expect(lines, stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^torii: /)
  for (const part of parts) expect(lines[0]).toContain(part)
  expect(stderr).not.toContain(PASSWORD)
  expect(stderr).not.toContain(WRONG_PASSWORD)
  expect(stderr).not.toMatch(/\n\s+at /)
}

const startOn = (url: string) =>
  runServerToExit({ TORII_DB_URL: url, TORII_SIGNING_KEY_FILE: '/nonexistent/key.pem' })

describe.skipIf(!postgresBin() && !process.env.CI)(
  'pnpm start with a PostgreSQL it cannot use',
  { timeout: 60_000 },
  () => {
    it('a wrong password: exit 1, one line naming the host and the refusal', async () => {
      const { code, stderr } = await startOn(`postgres://postgres:${WRONG_PASSWORD}@${host}/postgres`)
      expect(code).toBe(1)
      expectOneLine(stderr, `postgres://postgres@${host}/postgres`, 'password authentication failed')
    })

    it('an unknown database: exit 1, one line naming the host and the database', async () => {
      const { code, stderr } = await startOn(`postgres://postgres:${PASSWORD}@${host}/no_such_database`)
      expect(code).toBe(1)
      expectOneLine(stderr, `postgres://postgres@${host}/no_such_database`, 'does not exist')
    })

    it('an unreachable host (nothing listens; a name that does not resolve): exit 1, one line naming it', async () => {
      const port = await closedPort()
      const refused = await startOn(`postgres://postgres:${PASSWORD}@127.0.0.1:${port}/torii`)
      expect(refused.code).toBe(1)
      expectOneLine(refused.stderr, `127.0.0.1:${port}`, 'ECONNREFUSED')
      const unknown = await startOn(`postgres://postgres:${PASSWORD}@no-such-host.invalid/torii`)
      expect(unknown.code).toBe(1)
      expectOneLine(unknown.stderr, 'no-such-host.invalid', 'ENOTFOUND')
    })

    it('a URL that is not one (a bad port, no host): exit 1, one line naming the variable, without the password', async () => {
      const badPort = await startOn(`postgres://postgres:${PASSWORD}@127.0.0.1:99999/torii`)
      expect(badPort.code).toBe(1)
      expectOneLine(
        badPort.stderr,
        'TORII_DB_URL="postgres://127.0.0.1:99999/torii" is not valid',
        'postgres://USER'
      )
      const noHost = await startOn('postgresql://')
      expect(noHost.code).toBe(1)
      expectOneLine(noHost.stderr, 'TORII_DB_URL="postgresql://" is not valid')
    })
  }
)
