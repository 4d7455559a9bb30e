import type { ReceiptAck, ReceiptAction, ReceiptInput } from '@torii/schema/receipt'
import type { Choice } from '../gate/types.ts'
import { OUTBOX_FLAG } from '../shared/constants.ts'
import type { GateHandle } from '../shared/contract.ts'
import {
  ackHistory,
  addHistory,
  editHistory,
  enqueue,
  loadHistory,
  type OutboxEntry,
  saveChoice,
  takeOutbox,
} from './store.ts'

/** Give up on a receipt after this many failed page views (e.g. a server that never allows our origin). */
const MAX_TRIES = 20
/** After a 201, the first look for the receipt's proof (a checkpoint includes it a few seconds later). */
const PROOF_POLL_MS = 2e3

/** Keeps the proofs of acknowledged receipts that a checkpoint now includes (src/ui/proof.ts). */
const keepProofs = (ms: number) =>
  import('./proof.ts').then((m) => m.keepProofs(loadHistory, editHistory, ms)).catch(() => {})

/** A receipt's purposes and vendors: the choice's, or what was in force (a dismissed notice). */
type Lists = Pick<Choice, 'p' | 'v'>

/**
 * The receipt for a decision (REC-04: who, what was shown, what was chosen, which signals were sent).
 * `lists`: the purposes and vendors it records, the choice's unless given (a notice's are what was in force).
 */
export function buildReceipt(
  gate: GateHandle,
  choice: Choice,
  action: ReceiptAction,
  consentMode: Record<string, string>,
  lists: Lists = choice
): ReceiptInput {
  return {
    consentId: choice.id,
    revision: choice.rev,
    action,
    purposes: lists.p,
    vendors: lists.v,
    consentMode: consentMode as ReceiptInput['consentMode'],
    gpc: gate._gpc,
    language: gate._chunks?.lang || '',
    pageUrl: location.origin + location.pathname,
    clientTime: new Date(choice.at).toISOString(),
  }
}

/** Whether this page view said already that the server refuses its origin (once is enough). */
let toldOrigin: boolean | undefined

/** POSTs one receipt: JSON as text/plain (no preflight), keepalive (survives a reload). */
async function post(entry: OutboxEntry): Promise<ReceiptAck | 'retry' | 'drop'> {
  try {
    const res = await fetch(entry.url, {
      method: 'POST',
      body: JSON.stringify(entry.input),
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      keepalive: true,
    })
    if (res.status == 201) return (await res.json()) as ReceiptAck
    if (res.status >= 400 && res.status < 500 && res.status != 408 && res.status != 429) {
      const text = await res.text()
      // 403: the site's owner has not allowed this origin (www or not, http or https). The receipt stays
      // queued until they do; the console says so once, with the server's answer, whose message names the
      // origin and the fix (printed whole: parsing it out costs the first visit 13 B gzip it does not have).
      if (res.status == 403) {
        if (!toldOrigin) console.error('[torii] ' + text)
        toldOrigin = true
        return 'retry'
      }
      console.warn('[torii] the server refused a receipt: ' + res.status + ' ' + text)
      return 'drop'
    }
  } catch {}
  return 'retry'
}

/** Keeps what became of a POST: queued again to retry, or its ack in the history. */
async function keepOutcome(entry: OutboxEntry, result: ReceiptAck | 'retry' | 'drop'): Promise<void> {
  if (result == 'retry') {
    if (entry.tries + 1 < MAX_TRIES) await enqueue({ ...entry, tries: entry.tries + 1 })
    else console.warn('[torii] gave up sending a receipt after ' + MAX_TRIES + ' tries')
  } else if (result != 'drop') await ackHistory(entry.input, result)
}

/** Mirrors the choice, keeps the receipt in the history, and sends it (queued when the server is away). */
export async function record(
  gate: GateHandle,
  choice: Choice,
  action: ReceiptAction,
  consentMode: Record<string, string>,
  lists?: Lists
): Promise<void> {
  const input = buildReceipt(gate, choice, action, consentMode, lists)
  const entry = { url: new URL('receipts', gate._gateUrl).href, input, tries: 0 }
  // The POST leaves first, before the local writes: keepalive carries it past a page the visitor leaves
  // right after choosing, which would otherwise lose it while IndexedDB is still busy.
  const posted = post(entry)
  try {
    await Promise.all([saveChoice(choice), addHistory({ input, ack: null })])
  } catch {}
  await keepOutcome(entry, await posted)
  // Unless the POST failed, the receipt's proof once a checkpoint includes it.
  keepProofs(PROOF_POLL_MS)
}

/** Sends receipts queued on earlier page views, each once, then fetches the proofs still missing. */
export async function flush(): Promise<void> {
  for (const entry of await takeOutbox()) await keepOutcome(entry, await post(entry))
  await keepProofs(0)
}

/** `flush` when the flag says receipts are queued (the flag is a cheap read; the outbox is IndexedDB). */
export function flushQueued(): void {
  try {
    if (localStorage[OUTBOX_FLAG]) flush().catch(() => {})
  } catch {}
}
