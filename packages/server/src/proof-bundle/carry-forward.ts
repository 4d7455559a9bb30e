// Carrying a proof bundle forward: the log's latest checkpoint and the consistency proof to it from the
// bundle's newest, appended to `carried` once the whole bundle verifies with them.

import type { LogConsistencyProof, ProofBundle } from '@torii/schema/receipt'
import { type ProofBundleReport, verifyProofBundle } from './verify-proof-bundle.ts'

/** Options of `carryForward`. */
export interface CarryForwardOptions {
  /** The log's tlog-tiles prefix; the bundle's `logUrl` when left out. */
  logUrl?: string
  fetch?: typeof fetch
}

/** The bundle as it was or carried to the log's latest checkpoint, and the report of the one returned. */
export interface CarryForwardResult {
  bundle: ProofBundle
  report: ProofBundleReport
  /** Whether a checkpoint was appended. */
  carried: boolean
}

async function fetchOk(fetchImpl: typeof fetch, url: URL): Promise<Response> {
  const res = await fetchImpl(url)
  if (!res.ok) throw new Error(`GET ${url.href} answered ${res.status}`)
  return res
}

/** Verifies `bundle`, then carries it to the log's latest checkpoint (unless it is already there). */
export async function carryForward(
  bundle: ProofBundle,
  verifierKeys: string,
  options: CarryForwardOptions = {}
): Promise<CarryForwardResult> {
  const report = await verifyProofBundle(bundle, verifierKeys)
  if (!report.ok || !report.latest) return { bundle, report, carried: false }
  const fetchImpl = options.fetch ?? fetch
  const base = new URL(options.logUrl ?? bundle.logUrl)
  const checkpoint = await (await fetchOk(fetchImpl, new URL('checkpoint', base))).text()
  const size = Number(checkpoint.split('\n')[1])
  const from = report.latest.treeSize
  if (size === from) return { bundle, report, carried: false }
  const answer = (await (
    await fetchOk(fetchImpl, new URL(`consistency?from=${from}&to=${size}`, base))
  ).json()) as LogConsistencyProof
  const carried = { checkpoint, consistency: answer.proof }
  const updated: ProofBundle = { ...bundle, carried: [...(bundle.carried ?? []), carried] }
  return { bundle: updated, report: await verifyProofBundle(updated, verifierKeys), carried: true }
}
