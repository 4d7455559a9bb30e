// `tsx bench/ab.ts A_SERVER_DIR B_SERVER_DIR`: an interleaved A/B of two built servers' receipt POSTs, e.g.
// main's and a branch's packages/server after `pnpm build` in each (git worktree add ... main). Each round
// loads the bare route, then A and B in turns (B first every other round, so neither always runs on a
// warmer or cooler machine), and takes each one's share of that round's bare figure, as `pnpm bench:server`
// does. Prints each round, then the medians and the load average. BENCH_ROUNDS (default 10) and
// BENCH_DURATION (seconds per run, default 4) as for run.ts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { median } from './rounds.ts'
import { CONNECTIONS, DURATION_S, type Figures, load, RECEIPT, startChild } from './support.ts'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10)
const PATH = '/s/xtra/receipts'
const request = {
  method: 'POST' as const,
  body: RECEIPT,
  headers: { 'content-type': 'text/plain;charset=UTF-8' },
}

const dirs = process.argv.slice(2).map((dir) => resolve(dir))
if (dirs.length !== 2)
  throw new Error('usage: tsx bench/ab.ts A_SERVER_DIR B_SERVER_DIR (built: dist/index.mjs)')
for (const dir of dirs) {
  if (!existsSync(join(dir, 'dist/index.mjs')) || !existsSync(join(dir, 'bench/serve-torii.mjs')))
    throw new Error(`${dir} has no dist/index.mjs or bench/serve-torii.mjs: run pnpm build there first`)
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits })
const pct = (x: number) => `${fmt(100 * x, 1)}%`
const load1 = () => loadavg()[0]!

const data = mkdtempSync(join(tmpdir(), 'torii-ab-'))
const bare = await startChild('bench/serve-bare.mjs', {})
const servers = {
  A: await startChild(join(dirs[0]!, 'bench/serve-torii.mjs'), {
    BENCH_DB_URL: `file:${join(data, 'a.db')}`,
  }),
  B: await startChild(join(dirs[1]!, 'bench/serve-torii.mjs'), {
    BENCH_DB_URL: `file:${join(data, 'b.db')}`,
  }),
}
try {
  console.log(`A: ${dirs[0]}\nB: ${dirs[1]}`)
  console.log(
    `${ROUNDS} rounds of ${DURATION_S} s per server, ${CONNECTIONS} connections, Node ${process.version}`
  )
  for (const child of [bare, servers.A, servers.B])
    await load({ url: `${child.url}${PATH}`, ...request, duration: 2 })
  const shares: Record<'A' | 'B', number[]> = { A: [], B: [] }
  const runs: Record<'A' | 'B', Figures[]> = { A: [], B: [] }
  const loads: number[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    loads.push(load1())
    const base = await load({ url: `${bare.url}${PATH}`, ...request }, bare.child.pid)
    const order = round % 2 ? (['A', 'B'] as const) : (['B', 'A'] as const)
    for (const name of order) {
      const figures = await load({ url: `${servers[name].url}${PATH}`, ...request }, servers[name].child.pid)
      runs[name].push(figures)
      shares[name].push(figures.rps / base.rps)
    }
    console.log(
      `  round ${round}/${ROUNDS} (${order.join(' then ')}, load ${fmt(loads.at(-1)!, 2)}): bare ${fmt(base.rps)} req/s, ` +
        `A ${fmt(runs.A.at(-1)!.rps)} (${pct(shares.A.at(-1)!)}), B ${fmt(runs.B.at(-1)!.rps)} (${pct(shares.B.at(-1)!)})`
    )
  }
  loads.push(load1())
  console.log('')
  for (const name of ['A', 'B'] as const) {
    const fig = runs[name]
    const errors = fig.reduce((n, r) => n + r.errors + r.non2xx, 0)
    console.log(
      `${name}: receipts ${pct(median(shares[name]))} of bare (rounds ${pct(Math.min(...shares[name]))}-${pct(Math.max(...shares[name]))}), ` +
        `${fmt(median(fig.map((r) => r.rps)))} req/s, server CPU ${fmt(median(fig.map((r) => r.cpuUs)), 1)} µs per receipt ` +
        `(main thread ${fmt(median(fig.map((r) => r.mainCpuUs)), 1)}), p99 worst ${fmt(Math.max(...fig.map((r) => r.p99)))} ms, ` +
        `errors/non-2xx ${errors}`
    )
  }
  const wins = shares.B.filter((share, i) => share > shares.A[i]!).length
  console.log(
    `B above A in ${wins} of ${ROUNDS} rounds; load average ${fmt(Math.min(...loads), 2)}-${fmt(Math.max(...loads), 2)}`
  )
} finally {
  await Promise.all([bare.stop(), servers.A.stop(), servers.B.stop()])
  rmSync(data, { recursive: true, force: true })
}
