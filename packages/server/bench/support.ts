// Helpers of the server benchmark: child servers, memory readings, autocannon runs, disk commit latency.
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'
import autocannon from 'autocannon'

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url))
/** Seconds of one autocannon run (one server's slice of a round). */
export const DURATION_S = Number(process.env.BENCH_DURATION ?? 4)
export const CONNECTIONS = 64

export interface Child {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/** A child's URL from a line of its output: `{"url":…}` (serve-*.mjs) or `Torii is running at …` (main.mjs). */
function urlOf(line: string): string | undefined {
  if (line.startsWith('{')) return (JSON.parse(line) as { url: string }).url
  return /^Torii is running at (http\S+)/.exec(line)?.[1]
}

/** Every server child still running, for `stopChildren` when a bench fails halfway. */
const RUNNING = new Set<ChildProcess>()

/** Stops every server child still running (SIGTERM), e.g. in a bench's `finally`. */
export async function stopChildren(): Promise<void> {
  await Promise.all(
    [...RUNNING].map((child) => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      return exited
    })
  )
}

/** Starts a server child (a plain JavaScript file, run by Node as `pnpm start` runs the build). */
export function startChild(script: string, env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, [script], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  RUNNING.add(child)
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      RUNNING.delete(child)
      resolve()
    })
  )
  return new Promise((resolve, reject) => {
    let found = false
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = found ? undefined : urlOf(line)
      if (!url) return
      found = true
      resolve({
        url,
        child,
        stop: async () => {
          child.kill('SIGTERM')
          await exited
        },
      })
    })
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)))
  })
}

export function runJson(script: string, env: Record<string, string>): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: SERVER_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
    })
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${script} exited ${code}`))
    )
  })
}

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}

/** User + system CPU time in a /proc `stat` text, in µs (100 ticks/s). */
const statCpuUs = (stat: string) => {
  const fields = stat.split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10_000
}

/**
 * CPU time a process has used so far, in µs (Linux /proc): all its threads, and its main thread (the event
 * loop); the rest is the ledger's writer thread, V8's GC helpers and libuv's pool.
 */
export function cpuTimeUs(pid: number): { all: number; main: number } {
  return {
    all: statCpuUs(readFileSync(`/proc/${pid}/stat`, 'utf8')),
    main: statCpuUs(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')),
  }
}

export interface Figures {
  rps: number
  /** The server's CPU time per answered request, all its threads (when its pid was given). */
  cpuUs: number
  /** The same, its main thread only. */
  mainCpuUs: number
  /** This process's CPU time per answered request: autocannon, the load generator, runs here. */
  loadCpuUs: number
  p50: number
  p99: number
  errors: number
  non2xx: number
  total: number
}

/** An autocannon run; with the server's `pid`, also the CPU time it spent per request. */
export async function load(options: autocannon.Options, pid?: number): Promise<Figures> {
  const cpuBefore = pid ? cpuTimeUs(pid) : { all: 0, main: 0 }
  const loadBefore = process.cpuUsage()
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...options })
  const load = process.cpuUsage(loadBefore)
  const cpuAfter = pid ? cpuTimeUs(pid) : { all: Number.NaN, main: Number.NaN }
  const requests = Math.max(1, result.requests.total)
  return {
    rps: result.requests.average,
    cpuUs: (cpuAfter.all - cpuBefore.all) / requests,
    mainCpuUs: (cpuAfter.main - cpuBefore.main) / requests,
    loadCpuUs: (load.user + load.system) / requests,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  }
}

/**
 * One load spread over several servers at once (processes behind a load balancer, as a round-robin would):
 * the connections split evenly between them, each server's URL loaded by its own autocannon in parallel.
 * Figures are summed (requests, errors, the servers' CPU time), p50 weighted by requests, p99 the worst.
 */
export async function loadTogether(
  targets: { url: string; pid?: number }[],
  options: Omit<autocannon.Options, 'url'>
): Promise<Figures> {
  if (targets.length === 1) return load({ ...options, url: targets[0]!.url }, targets[0]!.pid)
  const connections = Math.max(1, Math.round((options.connections ?? CONNECTIONS) / targets.length))
  const cpuBefore = targets.map((target) => (target.pid ? cpuTimeUs(target.pid) : { all: 0, main: 0 }))
  const loadBefore = process.cpuUsage()
  const results = await Promise.all(
    targets.map((target) => autocannon({ duration: DURATION_S, ...options, connections, url: target.url }))
  )
  const loadUsage = process.cpuUsage(loadBefore)
  const cpu = targets.map((target, i) => {
    const after = target.pid ? cpuTimeUs(target.pid) : { all: Number.NaN, main: Number.NaN }
    return { all: after.all - cpuBefore[i]!.all, main: after.main - cpuBefore[i]!.main }
  })
  const requests = Math.max(
    1,
    results.reduce((n, result) => n + result.requests.total, 0)
  )
  const sum = (pick: (result: autocannon.Result) => number) =>
    results.reduce((n, result) => n + pick(result), 0)
  return {
    rps: sum((result) => result.requests.average),
    cpuUs: cpu.reduce((n, used) => n + used.all, 0) / requests,
    mainCpuUs: cpu.reduce((n, used) => n + used.main, 0) / requests,
    loadCpuUs: (loadUsage.user + loadUsage.system) / requests,
    p50: sum((result) => result.latency.p50 * result.requests.total) / requests,
    p99: Math.max(...results.map((result) => result.latency.p99)),
    errors: sum((result) => result.errors + result.timeouts),
    non2xx: sum((result) => result.non2xx),
    total: sum((result) => result.requests.total),
  }
}

export const RECEIPT = JSON.stringify({
  consentId: 'bench-visitor-0000000001',
  revision: 1,
  action: 'custom',
  purposes: { analytics: true, advertising: false },
  vendors: { 'google-analytics': true },
  consentMode: { analytics_storage: 'granted', ad_storage: 'denied' },
  gpc: false,
  language: 'ja',
  pageUrl: 'https://www.example.co.jp/news?ref=bench',
  clientTime: '2026-11-25T06:00:00.000+09:00',
})

/** Median time of one SQLite commit with synchronous=FULL on this disk: the floor of a durable ack. */
export async function commitLatency(path: string): Promise<number> {
  const client = createClient({ url: `file:${path}` })
  await client.execute('PRAGMA journal_mode=WAL')
  await client.execute('PRAGMA synchronous=FULL')
  await client.execute('CREATE TABLE t (x)')
  const times: number[] = []
  for (let i = 0; i < 30; i++) {
    const t = performance.now()
    await client.batch([{ sql: 'INSERT INTO t VALUES (?)', args: [i] }], 'write')
    times.push(performance.now() - t)
  }
  client.close()
  return times.sort((a, b) => a - b)[15]!
}
