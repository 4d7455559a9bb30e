import type { ProofBundle, ReceiptAck, ReceiptInput } from '@torii/schema/receipt'
import { createStore, get, set, type UseStore, update } from 'idb-keyval'
import type { Choice } from '../gate/types.ts'
import { OUTBOX_FLAG } from '../shared/constants.ts'

/** A receipt waiting to be sent: where to, what, and how often it failed. */
export interface OutboxEntry {
  url: string
  input: ReceiptInput
  tries: number
}

/** One decision as the browser remembers it, with the server's acknowledgement and proof once they came. */
export interface HistoryEntry {
  input: ReceiptInput
  ack: ReceiptAck | null
  /** The receipt's proof bundle, once a log checkpoint includes it (docs/checking-a-receipt.md). */
  proof?: ProofBundle
}

const HISTORY_MAX = 50
let db: UseStore | undefined

// Its own database, so a site's own idb-keyval store is never touched.
const store = () => (db ||= createStore('torii', 'kv'))

export const saveChoice = (choice: Choice) => set('choice', choice, store())
export const loadChoice = () => get<Choice>('choice', store())
export const loadHistory = async () => (await get<HistoryEntry[]>('history', store())) || []

/** Rewrites the history in one transaction. */
export const editHistory = (edit: (list: HistoryEntry[]) => HistoryEntry[]) =>
  update<HistoryEntry[]>('history', (list = []) => edit(list), store())

export const addHistory = (entry: HistoryEntry) => editHistory((list) => [...list, entry].slice(-HISTORY_MAX))

/** Records an acknowledgement on the history entry of the same receipt. */
export const ackHistory = (input: ReceiptInput, ack: ReceiptAck) =>
  editHistory((list) =>
    list.map((e) =>
      e.input.clientTime == input.clientTime && e.input.consentId == input.consentId ? { ...e, ack } : e
    )
  )

/** Flags a pending outbox for the gate, which cannot read IndexedDB cheaply on every page view. */
function flag(on: boolean) {
  try {
    if (on) localStorage.setItem(OUTBOX_FLAG, '1')
    else localStorage.removeItem(OUTBOX_FLAG)
  } catch {}
}

export async function enqueue(entry: OutboxEntry): Promise<void> {
  await update<OutboxEntry[]>('outbox', (list = []) => [...list, entry], store())
  flag(true)
}

/** Takes every queued receipt out in one transaction, so two tabs never send the same one. */
export async function takeOutbox(): Promise<OutboxEntry[]> {
  let taken: OutboxEntry[] = []
  await update<OutboxEntry[]>(
    'outbox',
    (list = []) => {
      taken = list
      return []
    },
    store()
  )
  flag(false)
  return taken
}
