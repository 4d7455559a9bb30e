// Servers measured in turns, round after round, each round starting one server later: this machine's speed drifts by up to 2x within a minute
// (the bare route alone ran anywhere from 13k to 26k req/s), so comparing one long run of each says more
// about when it ran than about the server. A ratio is taken within each round; the bench reports medians.
import type autocannon from 'autocannon'
import { type Child, type Figures, loadTogether } from './support.ts'

/** What one server's load adds to the common request: its own headers, or a sequence of requests. */
export type LoadExtras = Pick<autocannon.Options, 'headers' | 'requests'>

export interface RoundsOptions {
  /**
   * The servers, each with the path it is loaded on; a server of several processes (one database) is loaded
   * on all of them at once, the connections split between them.
   */
  servers: Record<string, { child: Child | Child[]; path: string; extras?: LoadExtras }>
  rounds: number
  request: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> }
  /** Seconds of warm-up load per server before the first round (JIT, caches, the database file). */
  warmUpS?: number
}

/** Every server's figures, one per round, in round order. */
export async function inRounds(options: RoundsOptions): Promise<Record<string, Figures[]>> {
  const { servers, rounds, request } = options
  const targets = (child: Child | Child[], path: string) =>
    [child].flat().map((one) => ({ url: `${one.url}${path}`, pid: one.child.pid }))
  for (const { child, path, extras } of Object.values(servers))
    await loadTogether(targets(child, path), { ...request, ...extras, duration: options.warmUpS ?? 2 })
  const runs: Record<string, Figures[]> = Object.fromEntries(Object.keys(servers).map((name) => [name, []]))
  const entries = Object.entries(servers)
  for (let round = 1; round <= rounds; round++) {
    const line: string[] = []
    // Each round starts one server later, so no server always runs first (on a cooler or warmer machine).
    const turn = (round - 1) % entries.length
    for (const [name, { child, path, extras }] of [...entries.slice(turn), ...entries.slice(0, turn)]) {
      const figures = await loadTogether(targets(child, path), { ...request, ...extras })
      runs[name]!.push(figures)
      line.push(`${name} ${Math.round(figures.rps)} req/s`)
    }
    console.log(`  round ${round}/${rounds}: ${line.join(', ')}`)
  }
  return runs
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** `runs[i].rps / base[i].rps` per round. */
export const ratios = (runs: Figures[], base: Figures[]): number[] => runs.map((r, i) => r.rps / base[i]!.rps)
