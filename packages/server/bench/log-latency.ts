// Seconds from a receipt's 201 to its inclusion in a signed checkpoint (its JSON's `log` no longer null),
// for receipts sent one at a time at a steady pace, against the real server.
import { RECEIPT } from './support.ts'

/** Sends `count` receipts `gapMs` apart; answers each one's seconds from its 201 to its log proof. */
export async function secondsToCheckpoint(url: string, count = 40, gapMs = 100): Promise<number[]> {
  const waits: Promise<number>[] = []
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${url}/s/xtra/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: RECEIPT,
    })
    const acked = performance.now()
    if (res.status !== 201) throw new Error(`receipt POST answered ${res.status}`)
    const { id } = (await res.json()) as { id: string }
    waits.push(untilLogged(url, id).then(() => (performance.now() - acked) / 1000))
    await new Promise((resolve) => setTimeout(resolve, gapMs))
  }
  return Promise.all(waits)
}

async function untilLogged(url: string, id: string): Promise<void> {
  for (;;) {
    const proof = (await (await fetch(`${url}/receipts/${id}?format=json`)).json()) as { log: unknown }
    if (proof.log) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
