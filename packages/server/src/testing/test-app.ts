import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync } from 'node:zlib'
import {
  CSRF_HEADER,
  GATE_CONFIG_PLACEHOLDER,
  type PackedGateConfig,
  type Regions,
  type Role,
} from '@torii/schema'
import { type AppDeps, createApp, type ToriiApp } from '../app.ts'
import { createUser, findUser } from '../auth/users.ts'
import { createDb, type Database } from '../db/client.ts'
import type { Dialect } from '../db/sql-client.ts'
import { DEMO_ADMIN, seedDemo } from '../demo/seed.ts'
import { createLedger } from '../ledger/index.ts'
import type { Ledger } from '../ledger/types.ts'
import { getLiveRevision, publishRevision } from '../sites/revisions.ts'
import { SITE_WITHOUT_RULES } from './region-sites.ts'
import { freshDbUrl } from './test-engines.ts'
import { ledgerOn } from './test-ledger.ts'

export const TEST_ORIGIN = 'https://www.example.co.jp'
export const UI_CHUNK = 'assets/ui-t3st1234.js'

/** The fake banner's gate of each region model, named as the real build names them. */
export const FAKE_GATES = { 'opt-in': 'gate.js', 'opt-out': 'gate-opt-out.js', notice: 'gate-notice.js' }

/**
 * A banner `dist/` like the real build's: a gate.js with the placeholder for each region model (each saying
 * its model in `window.__model`, see `gateModelOf`), the UI chunk (with its brotli copy, as the build
 * precompresses it), manifest.json.
 */
export function writeFakeBanner(dir: string): string {
  const dist = join(dir, 'banner-dist')
  mkdirSync(join(dist, 'assets'), { recursive: true })
  for (const [model, file] of Object.entries(FAKE_GATES))
    writeFileSync(
      join(dist, file),
      `(function(){var config=${GATE_CONFIG_PLACEHOLDER};window.__gate=config;window.__model="${model}"})();\n`
    )
  const ui = 'export function mount(){return "ui"}\n'
  writeFileSync(join(dist, UI_CHUNK), ui)
  writeFileSync(join(dist, `${UI_CHUNK}.br`), brotliCompressSync(ui))
  writeFileSync(
    join(dist, 'manifest.json'),
    JSON.stringify({ gate: FAKE_GATES['opt-in'], gates: FAKE_GATES, ui: UI_CHUNK })
  )
  return dist
}

/** The region model of the fake banner's gate a response carries (see `writeFakeBanner`). */
export function gateModelOf(source: string): string | undefined {
  return source.match(/window\.__model="([a-z-]+)"/)?.[1]
}

/** The `GateConfig` the server inlined into a fake banner's gate.js (see `writeFakeBanner`). */
export function gateConfigOf(source: string): PackedGateConfig {
  const match = source.match(/var config=(.*);window\.__gate=config/)
  if (!match) throw new Error(`no config in gate: ${source.slice(0, 200)}`)
  return JSON.parse(match[1]!) as PackedGateConfig
}

export interface TestApp {
  app: ToriiApp
  database: Database
  ledger: Ledger
  dir: string
  /** The libSQL file (on `sqlite`; on `postgres` a path nothing is at). */
  dbPath: string
  close(): Promise<void>
}

export interface TestAppOptions extends Partial<Omit<AppDeps, 'db' | 'ledger'>> {
  /** The engine of the app's database (default `sqlite`): a libSQL file, or a new PostgreSQL database. */
  engine?: Dialect
  /** Seed the demo site (revision 1, without region rules) with `TEST_ORIGIN` allowed (default true). */
  seed?: boolean
  /** Build no banner dist (to test the 503). */
  noBanner?: boolean
}

/**
 * The real app on a fresh migrated database in its own temp folder: a libSQL file, or on `engine: 'postgres'`
 * a new database on the run's PostgreSQL cluster (dropped by `close`).
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'torii-server-'))
  const dbPath = join(dir, 'torii.db')
  const engine = options.engine ?? 'sqlite'
  const fresh = await freshDbUrl(engine, dir)
  const database = await createDb({ url: fresh.url })
  const ledger = await createLedger({
    ...ledgerOn({ ...database, path: dbPath }),
    batchIntervalMs: 0,
    warn: () => {},
  })
  if (options.seed !== false) await seedDemoSite(database)
  const { seed: _seed, noBanner, engine: _engine, ...deps } = options
  const app = createApp({
    db: database.db,
    dbUrl: database.url,
    ledger,
    bannerDist: noBanner ? join(dir, 'missing') : writeFakeBanner(dir),
    adminDist: join(dir, 'admin-dist'),
    ...deps,
  })
  return {
    app,
    database,
    ledger,
    dir,
    dbPath,
    async close() {
      await ledger.close()
      await database.close()
      await fresh.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function seedDemoSite(database: Database): Promise<void> {
  // The demo admin is created by seedDemo only on an empty users table; tests add their own users. The site
  // has no region rules: tests about regions publish theirs (publishRegions).
  await seedDemo(database.db, [TEST_ORIGIN], SITE_WITHOUT_RULES)
}

export interface Session {
  cookie: string
  csrf: string
  /** Request headers for a JSON call as this user (cookie, CSRF token, same origin). */
  headers(extra?: Record<string, string>): Record<string, string>
}

/** Creates a user with `role` and signs in through the API. */
export async function signIn(test: TestApp, role: Role, email = `${role}@example.com`): Promise<Session> {
  const password = email === DEMO_ADMIN.email ? DEMO_ADMIN.password : `${role}-password-123`
  if (!(await findUser(test.database.db, email))) await createUser(test.database.db, email, password, role)
  const res = await test.app.request('/api/admin/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return {
    cookie,
    csrf: csrfToken,
    headers: (extra = {}) => ({
      cookie,
      [CSRF_HEADER]: csrfToken,
      'content-type': 'application/json',
      origin: 'http://localhost',
      ...extra,
    }),
  }
}

/** Calls the admin API as `as`: its status, and its JSON body (null for a 204). */
export async function adminCall<T>(
  test: TestApp,
  as: Session,
  method: string,
  path: string,
  body?: unknown
): Promise<{ status: number; body: T }> {
  const res = await test.app.request(`/api/admin${path}`, {
    method,
    headers: as.headers(),
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T }
}

/** A valid receipt body for the demo site's revision 1. */
export function receiptBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    consentId: 'c0nsent-id-0123456789',
    revision: 1,
    action: 'custom',
    purposes: { necessary: true, analytics: true, advertising: false },
    vendors: { 'google-analytics': true, 'google-adsense': false },
    consentMode: { analytics_storage: 'granted', ad_storage: 'denied' },
    gpc: false,
    language: 'ja',
    pageUrl: `${TEST_ORIGIN}/news/?utm_source=x#top`,
    clientTime: '2026-11-25T15:00:00.000+09:00',
    ...overrides,
  }
}

/** Env bindings that make `getConnInfo` see a socket address under `app.request()`. */
export function fromAddress(remoteAddress: string) {
  return {
    incoming: {
      socket: {
        remoteAddress,
        remotePort: 50000,
        remoteFamily: remoteAddress.includes(':') ? 'IPv6' : 'IPv4',
      },
    },
  }
}

/** Xtra's region rules as the issue describes them: Japan notice, EEA+UK+CH opt-in, US privacy states opt-out. */
export const XTRA_REGIONS: Regions = [
  { key: 'japan', match: ['JP'], model: 'notice', optInPurposes: ['advertising'] },
  { key: 'gdpr', match: ['EEA', 'UK', 'CH'], model: 'opt-in' },
  { key: 'us-privacy', match: ['US-PRIVACY-STATES'], model: 'opt-out' },
  { key: 'default', match: ['*'], model: 'opt-in' },
]

/** Publishes the demo site's live config with `regions` as its next revision (live at once). */
export async function publishRegions(test: TestApp, regions: Regions = XTRA_REGIONS): Promise<number> {
  const live = await getLiveRevision(test.database.db, 'xtra')
  if (!live) throw new Error('the demo site has no live revision')
  const published = await publishRevision(test.database.db, 'xtra', { ...live.config, regions }, null)
  test.app.liveCache.invalidate('xtra')
  return published.number
}
