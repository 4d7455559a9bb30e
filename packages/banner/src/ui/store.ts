import type { ReceiptAck, ReceiptInput } from '@torii/schema/receipt'
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval'
import type { Choice } from '../gate/types.ts'

/** A receipt waiting to be sent: where to, what, and how often it failed. */
export interface OutboxEntry {
  url: string
  input: ReceiptInput
  tries: number
}

/** One decision as the browser remembers it, with the server's acknowledgement once it came. */
export interface HistoryEntry {
  input: ReceiptInput
  ack: ReceiptAck | null
}

/** Flags a pending outbox for the gate, which cannot read IndexedDB cheaply on every page view. */
export const OUTBOX_FLAG = 'torii:outbox'
const HISTORY_MAX = 50
let db: UseStore | undefined

// Its own database, so a site's own idb-keyval store is never touched.
const store = () => (db ||= createStore('torii', 'kv'))

// idb-keyval's get/set/update, on our store only: theirs default to a store of their own, whose code
// would ship in the UI chunk unused (~60 B gzip).
const get = <T>(key: string): Promise<T | undefined> =>
  store()('readonly', (s) => promisifyRequest(s.get(key)))

const set = (key: string, value: unknown): Promise<void> =>
  store()('readwrite', (s) => {
    s.put(value, key)
    return promisifyRequest(s.transaction)
  })

/** Reads and writes `key` in one transaction (atomic across tabs). */
const update = <T>(key: string, fn: (old: T | undefined) => T): Promise<void> =>
  store()(
    'readwrite',
    (s) =>
      new Promise((resolve, reject) => {
        s.get(key).onsuccess = function () {
          try {
            s.put(fn(this.result), key)
            resolve(promisifyRequest(s.transaction))
          } catch (e) {
            reject(e)
          }
        }
      })
  )

export const saveChoice = (choice: Choice) => set('choice', choice)
export const loadChoice = () => get<Choice>('choice')
export const loadHistory = async () => (await get<HistoryEntry[]>('history')) || []

export const addHistory = (entry: HistoryEntry) =>
  update<HistoryEntry[]>('history', (list = []) => [...list, entry].slice(-HISTORY_MAX))

/** Records an acknowledgement on the history entry of the same receipt. */
export const ackHistory = (input: ReceiptInput, ack: ReceiptAck) =>
  update<HistoryEntry[]>('history', (list = []) =>
    list.map((e) =>
      e.input.clientTime == input.clientTime && e.input.consentId == input.consentId ? { ...e, ack } : e
    )
  )

function flag(on: boolean) {
  try {
    if (on) localStorage.setItem(OUTBOX_FLAG, '1')
    else localStorage.removeItem(OUTBOX_FLAG)
  } catch {}
}

export async function enqueue(entry: OutboxEntry): Promise<void> {
  await update<OutboxEntry[]>('outbox', (list = []) => [...list, entry])
  flag(true)
}

/** Takes every queued receipt out in one transaction, so two tabs never send the same one. */
export async function takeOutbox(): Promise<OutboxEntry[]> {
  let taken: OutboxEntry[] = []
  await update<OutboxEntry[]>('outbox', (list = []) => {
    taken = list
    return []
  })
  flag(false)
  return taken
}
