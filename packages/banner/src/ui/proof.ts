// The receipt proofs the browser keeps (issue #16): a chunk of its own, imported by the UI chunk after a
// 201 and when it sends queued receipts, so the first visit's bytes do not grow. It shares no module with
// the UI chunk (a shared chunk would cost a request): the store's functions come in as arguments.
import type { ProofBundle, ReceiptProof } from '@torii/schema/receipt'
import type { editHistory, HistoryEntry } from './store.ts'

/** Look for a receipt's proof for a day after it was taken (a server without a log never has one). */
const PROOF_WAIT_MS = 864e5
/** The wait before the next look, doubled each time (2 s, 4 s, … about two minutes in all). */
const FIRST_WAIT_MS = 2e3
const LAST_WAIT_MS = 64e3

/**
 * Fetches the receipt JSON (`log` null until a checkpoint includes the receipt; not proof.json, whose 409
 * while waiting the browser would log as an error on the site's page) of each recent acknowledged receipt
 * without a proof, after `ms`, and keeps its proof bundle on its history entry; while one
 * is missing, looks again later on this page. Later page views look again when they load the UI chunk to
 * record or send receipts (the gate's outbox flag stays the outbox's: no page view loads the UI for this).
 */
export async function keepProofs(
  load: () => Promise<HistoryEntry[]>,
  edit: typeof editHistory,
  ms: number
): Promise<void> {
  if (ms) await new Promise((wake) => setTimeout(wake, ms))
  let waiting = false
  for (const { ack, proof: kept } of await load())
    if (ack && !kept && Date.now() - Date.parse(ack.issuedAt) < PROOF_WAIT_MS) {
      try {
        const { receipt, log } = (await (await fetch(ack.proofUrl + '?format=json')).json()) as ReceiptProof
        if (log) {
          // The log's URL as the server names it in proof.json: beside /receipts/ under the public URL.
          const logUrl = new URL('../log/', ack.proofUrl).href
          const proof: ProofBundle = { format: 'torii-proof/1', logUrl, receipt, log }
          await edit((list) => list.map((e) => (e.ack?.id == ack.id ? { ...e, proof } : e)))
          continue
        }
      } catch {}
      waiting = true
    }
  if (waiting && ms < LAST_WAIT_MS) keepProofs(load, edit, ms * 2 || FIRST_WAIT_MS).catch(() => {})
}
