import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CSRF_HEADER } from '@torii/schema'
import { DEMO_ADMIN } from '../demo/seed.ts'
import { type RunningServer, type StartServerOptions, startServer } from '../index.ts'
import { createPgDatabase } from './pg-cluster.ts'
import { writeFakeBanner } from './test-app.ts'

/** In-process servers sharing one fresh PostgreSQL database, as behind a load balancer. */
export interface ServersOnPostgres {
  /** The database's URL. */
  url: string
  /** The signing key file the servers share. */
  keyFile: string
  /**
   * Starts one more server on the database (the first seeds the demo site, allowing its own origin, and the
   * signing key file).
   */
  start(options?: StartServerOptions): Promise<RunningServer>
  /** Closes the servers, drops the database, removes the folder. */
  cleanup(): Promise<void>
}

/** A fresh database on the cluster at `adminUrl` (the run's, or a test's own) and servers on it. */
export async function serversOnPostgres(adminUrl: string): Promise<ServersOnPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'torii-pg-servers-'))
  const database = await createPgDatabase(adminUrl)
  const bannerDist = writeFakeBanner(dir)
  const servers: RunningServer[] = []
  const keyFile = join(dir, 'signing-key.pem')
  return {
    url: database.url,
    keyFile,
    async start(options = {}) {
      const server = await startServer({
        port: 0,
        dbUrl: database.url,
        signingKeyFile: keyFile,
        bannerDist,
        quiet: true,
        sealIntervalMs: 20,
        // Only the first seeds the demo site (with its own origins): receipts to any server name the first's
        // pages. (Seeding an existing database adds the server's origins with SQLite-only SQL on main today.)
        ...(servers.length ? { demo: false } : {}),
        ...options,
      })
      servers.push(server)
      return server
    },
    async cleanup() {
      await Promise.all(servers.map((server) => server.close()))
      await database.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A signed-in admin session on a real server (the demo admin): its cookie and the headers its calls send. */
export interface HttpSession {
  cookie: string
  headers(extra?: Record<string, string>): Record<string, string>
}

/** Signs the demo admin in on `url` over HTTP. */
export async function signInOver(url: string): Promise<HttpSession> {
  const res = await fetch(`${url}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_ADMIN.email, password: DEMO_ADMIN.password }),
  })
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return {
    cookie,
    headers: (extra = {}) => ({
      cookie,
      [CSRF_HEADER]: csrfToken,
      'content-type': 'application/json',
      ...extra,
    }),
  }
}

/** Publishes a change of the demo site's draft on `url` (refusalDays set to `refusalDays`); answers the revision. */
export async function publishChange(url: string, session: HttpSession, refusalDays: number): Promise<number> {
  const draftUrl = `${url}/api/admin/sites/xtra/draft`
  const { draft } = (await (await fetch(draftUrl, { headers: session.headers() })).json()) as {
    draft: { options: { refusalDays: number } }
  }
  draft.options.refusalDays = refusalDays
  const saved = await fetch(draftUrl, {
    method: 'PUT',
    headers: session.headers(),
    body: JSON.stringify(draft),
  })
  if (!saved.ok) throw new Error(`draft not saved: ${saved.status} ${await saved.text()}`)
  const published = await fetch(`${url}/api/admin/sites/xtra/publish`, {
    method: 'POST',
    headers: session.headers(),
  })
  if (published.status !== 201)
    throw new Error(`not published: ${published.status} ${await published.text()}`)
  return ((await published.json()) as { revision: { number: number } }).revision.number
}

/** The live revision number a server's config.json serves for the demo site. */
export async function servedRevision(url: string): Promise<number> {
  return ((await (await fetch(`${url}/s/xtra/config.json`)).json()) as { number: number }).number
}

/**
 * Waits until `check` holds, trying again as soon as each try answers (no fixed sleep), for `timeoutMs` at
 * most; answers how long it took, or throws saying what never held.
 */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 10_000
): Promise<number> {
  const started = performance.now()
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return performance.now() - started
}
