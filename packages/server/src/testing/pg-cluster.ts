// A throwaway PostgreSQL cluster for tests: Debian's server binaries, run as the `postgres` user (PostgreSQL
// refuses root) in a temporary folder on a free port, stopped and deleted at the end. TORII_TEST_PG_URL
// (a superuser URL to a server that already runs) skips starting one.
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface PgCluster {
  /** A superuser URL to the cluster's `postgres` database (databases for tests are created through it). */
  adminUrl: string
  /** Stops the server (immediate, as a crash would) and deletes its folder; a no-op for TORII_TEST_PG_URL. */
  stop(): Promise<void>
  /** Stops the server without deleting anything (for tests of a database going away); `start` brings it back. */
  pause?(): void
  start?(): void
}

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/N/bin), or null. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && Number(name) >= 15)
    .sort((a, b) => Number(b) - Number(a))
  for (const version of versions)
    if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin')
  return null
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Runs a PostgreSQL binary as the `postgres` user when we are root (it refuses to run as root). */
function runAsPostgres(bin: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] })
}

export interface StartPgClusterOptions {
  /** fsync off: the tests' cluster is thrown away, and its speed matters more than surviving power loss. */
  fsync?: boolean
  /** The superuser's password: connections then need it (scram-sha-256), and `adminUrl` carries it. Default: trust. */
  password?: string
}

/** Starts a fresh cluster (or uses TORII_TEST_PG_URL); throws, naming what is missing, when it cannot. */
export async function startPgCluster({
  fsync = false,
  password,
}: StartPgClusterOptions = {}): Promise<PgCluster> {
  const given = process.env.TORII_TEST_PG_URL
  if (given) return { adminUrl: given, stop: async () => undefined }
  const bin = postgresBin()
  if (!bin) throw new Error('PostgreSQL ≥ 15 is not installed (apt-get install -y postgresql)')
  const dir = mkdtempSync(join(tmpdir(), 'torii-pg-'))
  chmodSync(dir, 0o755)
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString())
    chownSync(dir, uid, gid)
  }
  const data = join(dir, 'data')
  const port = await freePort()
  const passwordFile = join(dir, 'password')
  if (password) writeFileSync(passwordFile, `${password}\n`, { mode: 0o644 })
  runAsPostgres(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    ...(password ? ['--auth=scram-sha-256', `--pwfile=${passwordFile}`] : ['--auth=trust']),
    '-E',
    'UTF8',
    '--no-locale',
  ])
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=300',
    `-c fsync=${fsync ? 'on' : 'off'}`,
  ].join(' ')
  const start = () =>
    runAsPostgres(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start'])
  const pause = () => runAsPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])
  start()
  return {
    adminUrl: `postgres://postgres${password ? `:${encodeURIComponent(password)}` : ''}@127.0.0.1:${port}/postgres`,
    pause,
    start,
    async stop() {
      try {
        pause()
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

let counter = 0

/** Creates an empty database on the cluster; answers its URL and a function that drops it. */
export async function createPgDatabase(
  adminUrl: string,
  prefix = 'torii_test'
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: adminUrl })
  try {
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
  } finally {
    await admin.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl })
      try {
        await dropper.connect()
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await dropper.end()
      }
    },
  }
}
