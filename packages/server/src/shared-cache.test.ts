import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishSites, REGION_RULES } from './testing/region-sites.ts'
import { type ServerProcess, spawnServer } from './testing/server-process.ts'
import { type SharedCache, startSharedCache } from './testing/shared-cache.ts'

// Issue #15: a shared cache in front of the server must never give one region's gate to another region's
// visitor. Varnish (shared-cache.vcl: a standard CDN's behaviour, nothing Torii-specific) sits between these
// requests and the real server, started from `src/main.ts` with the geo settings an operator would set.

/** Site `regioned` has REGION_RULES (a rule of each model), site `plain` none. */
const GATE_WITH_RULES = '/s/regioned/gate.js'
const GATE_WITHOUT_RULES = '/s/plain/gate.js'
const PUBLIC_CACHING = 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400'
/** Public addresses the embedded IP database places (RIR data). */
const JP_IP = '133.242.0.1'
const GB_IP = '81.2.69.160'
const US_IP = '8.8.8.8'

interface Setup {
  dir: string
  server: ServerProcess
  cache: SharedCache
}

async function startBehindCache(env: Record<string, string>): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'torii-shared-cache-'))
  const dbUrl = `file:${join(dir, 'torii.db')}`
  await publishSites(dbUrl, { regioned: REGION_RULES, plain: undefined })
  const server = await spawnServer({ TORII_DB_URL: dbUrl, TORII_DEMO: 'off', ...env })
  const cache = await startSharedCache({ origin: server.url })
  return { dir, server, cache }
}

async function stop(setup: Setup | undefined): Promise<void> {
  if (!setup) return
  await setup.cache.close()
  setup.server.child.kill('SIGTERM')
  await setup.server.exited
  rmSync(setup.dir, { recursive: true, force: true })
}

/** The gate the origin itself answers with these request headers: the reference each cached answer must equal. */
async function fromOrigin(setup: Setup, path: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${setup.server.url}${path}`, { headers })
  expect(res.status).toBe(200)
  return res.text()
}

describe('gate.js behind a shared cache (Varnish), geo from a CDN header', { timeout: 60_000 }, () => {
  let setup: Setup
  beforeAll(async () => {
    setup = await startBehindCache({ TORII_GEO_HEADER: 'cf-ipcountry' })
  })
  afterAll(() => stop(setup))

  it("gives each country its own rule's gate, and a repeat is a hit with the same gate", async () => {
    const japan = await fromOrigin(setup, GATE_WITH_RULES, { 'cf-ipcountry': 'JP' })
    const germany = await fromOrigin(setup, GATE_WITH_RULES, { 'cf-ipcountry': 'DE' })
    expect(japan, 'the notice rule and the opt-in rule give different gates').not.toBe(germany)

    const jp = await setup.cache.get(GATE_WITH_RULES, { headers: { 'cf-ipcountry': 'JP' } })
    expect(jp.status).toBe(200)
    expect(jp.body).toBe(japan)

    const de = await setup.cache.get(GATE_WITH_RULES, { headers: { 'cf-ipcountry': 'DE' } })
    expect(de.hit, "Germany must not get Japan's stored gate").toBe(false)
    expect(de.body).toBe(germany)

    const jpAgain = await setup.cache.get(GATE_WITH_RULES, { headers: { 'cf-ipcountry': 'JP' } })
    expect(
      jpAgain.hit,
      `a repeat is served from the cache (X-Varnish: ${jpAgain.headers['x-varnish']})`
    ).toBe(true)
    expect(jpAgain.body).toBe(japan)
    const deAgain = await setup.cache.get(GATE_WITH_RULES, { headers: { 'cf-ipcountry': 'DE' } })
    expect(deAgain.hit).toBe(true)
    expect(deAgain.body).toBe(germany)
    // What made it so: the geo header in Vary, public caching as before.
    expect(jp.headers.vary).toMatch(/(^|,\s*)cf-ipcountry(\s*,|$)/i)
    expect(jp.headers['cache-control']).toBe(PUBLIC_CACHING)
  })

  it('shares one stored gate across countries for a site without rules, as before regions', async () => {
    const first = await setup.cache.get(GATE_WITHOUT_RULES, { headers: { 'cf-ipcountry': 'JP' } })
    expect(first.headers.vary ?? '').not.toMatch(/cf-ipcountry/i)
    expect(first.headers['cache-control']).toBe(PUBLIC_CACHING)
    const other = await setup.cache.get(GATE_WITHOUT_RULES, { headers: { 'cf-ipcountry': 'DE' } })
    expect(other.hit).toBe(true)
    expect(other.body).toBe(first.body)
  })
})

describe('gate.js behind a shared cache (Varnish), geo from the IP database', { timeout: 60_000 }, () => {
  let setup: Setup
  beforeAll(async () => {
    // Varnish appends each client's address to X-Forwarded-For; the server trusts that last entry.
    setup = await startBehindCache({ TORII_TRUST_PROXY: '1' })
  })
  afterAll(() => stop(setup))

  it("never gives one visitor's gate to a visitor from another country, and stores none", async () => {
    const expected = new Map<string, string>()
    for (const ip of [JP_IP, GB_IP, US_IP]) {
      expected.set(ip, await fromOrigin(setup, GATE_WITH_RULES, { 'x-forwarded-for': ip }))
    }
    expect(new Set(expected.values()).size, 'notice, opt-in and opt-out give three gates').toBe(3)

    const cacheControls = new Set<unknown>()
    for (const ip of [JP_IP, GB_IP, JP_IP, US_IP, GB_IP, US_IP, JP_IP]) {
      const res = await setup.cache.get(GATE_WITH_RULES, { clientIp: ip })
      expect(res.status).toBe(200)
      expect(res.body, `the gate of ${ip}'s rule`).toBe(expected.get(ip))
      expect(res.hit, `nothing stored, for ${ip}`).toBe(false)
      cacheControls.add(res.headers['cache-control'])
    }
    // What made it so: no shared cache may keep it.
    expect([...cacheControls]).toEqual(['private, max-age=60, stale-if-error=86400'])
  })

  it('shares one stored gate across countries for a site without rules, as before regions', async () => {
    const first = await setup.cache.get(GATE_WITHOUT_RULES, { clientIp: JP_IP })
    expect(first.headers['cache-control']).toBe(PUBLIC_CACHING)
    const other = await setup.cache.get(GATE_WITHOUT_RULES, { clientIp: GB_IP })
    expect(other.hit).toBe(true)
    expect(other.body).toBe(first.body)
  })
})
