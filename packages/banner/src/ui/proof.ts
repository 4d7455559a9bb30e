// The receipt proofs the browser keeps (issue #16): a chunk of its own, imported by the UI chunk after a
// 201 and when it sends queued receipts, so the first visit's bytes do not grow. It shares no module with
// the UI chunk (a shared chunk would cost a request): the store's functions come in as arguments.
import { PROOF_BUNDLE_FORMAT, type ProofBundle, type ReceiptLogProof } from '@torii/schema/proof-bundle'
import type { ReceiptProof } from '@torii/schema/receipt'
import type { editHistory, HistoryEntry } from './store.ts'

/** Look for a receipt's proof for a day after it was taken (a server without a log never has one). */
const PROOF_WAIT_MS = 864e5
/** Stop looking again on the same page once the wait between looks reaches about a minute. */
const POLL_MAX_MS = 64e3

/**
 * Fetches the proof of each recent acknowledged receipt that has none, and keeps it as a proof bundle once
 * a checkpoint includes it. While one is missing: flags the gate to come back on a later page view and,
 * when `ms` is set, looks again after `ms`, then twice as long.
 */
export async function keepProofs(
  load: () => Promise<HistoryEntry[]>,
  edit: typeof editHistory,
  flag: (on: boolean) => void,
  ms: number
): Promise<void> {
  if (ms) await new Promise((wake) => setTimeout(wake, ms))
  let waiting = false
  for (const { ack, proof: kept } of await load())
    if (ack && !kept && Date.now() - Date.parse(ack.issuedAt) < PROOF_WAIT_MS) {
      try {
        const res = await fetch(ack.proofUrl + '?format=json')
        const { receipt, log } = (await res.json()) as ReceiptProof & { log: ReceiptLogProof | null }
        if (log) {
          const proof: ProofBundle = {
            format: PROOF_BUNDLE_FORMAT,
            logUrl: new URL('../log/', ack.proofUrl).href,
            receipt,
            log,
          }
          await edit((list) => list.map((e) => (e.ack?.id == ack.id ? { ...e, proof } : e)))
          continue
        }
      } catch {}
      waiting = true
    }
  if (waiting) {
    flag(true)
    if (ms && ms < POLL_MAX_MS) return keepProofs(load, edit, flag, ms * 2)
  }
}
