// The receipt proofs the browser keeps (issue #16): a chunk of its own, imported by the UI chunk after a
// 201 and when it sends queued receipts, so the first visit's bytes do not grow. It shares no module with
// the UI chunk (a shared chunk would cost a request): the store's functions come in as arguments.
import type { ProofBundle } from '@torii/schema/receipt'
import type { editHistory, HistoryEntry } from './store.ts'

/** Look for a receipt's proof for a day after it was taken (a server without a log never has one). */
const PROOF_WAIT_MS = 864e5
/** Stop looking again on the same page once the wait between looks reaches about a minute. */
const POLL_MAX_MS = 64e3

/**
 * Fetches the proof bundle (`/receipts/:id/proof.json`, 409 until a checkpoint includes the receipt) of
 * each recent acknowledged receipt that has none, and keeps it on its history entry. While one is missing:
 * flags the gate to come back on a later page view and, when `ms` is set, looks again after `ms`, then
 * twice as long.
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
        const res = await fetch(ack.proofUrl + '/proof.json')
        if (res.ok) {
          const proof = (await res.json()) as ProofBundle
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
