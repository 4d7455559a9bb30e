import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Choice } from '../src/gate/types.ts'
import { OUTBOX_FLAG } from '../src/shared/constants.ts'
import { flush, record } from '../src/ui/receipt.ts'
import { editHistory, loadHistory } from '../src/ui/store.ts'
import { gateHandle } from './fixtures.ts'

const gate = gateHandle({ _gateUrl: 'https://consent.example/s/xtra/gate.js', _chunks: { lang: 'en' } })
const STATE = { analytics_storage: 'granted' }
const log = {
  index: 4,
  entry: 'ZQ==',
  treeSize: 5,
  inclusion: ['aA=='],
  checkpoint: 'consent.example/log\n5\n',
}
const bundleOf = (id: string) => ({
  format: 'torii-proof/1',
  logUrl: 'https://consent.example/log/',
  receipt: { id, siteId: 'xtra', action: 'accept-all' },
  log,
})

const choiceAt = (at: number): Choice => ({
  id: `consent-id-proof-test-${at}`,
  rev: 3,
  at,
  p: { necessary: true, analytics: true },
  v: {},
})
const ackOf = (id: string, issuedAt: string) => ({
  id,
  revision: 3,
  revisionHash: 'h',
  issuedAt,
  hash: 'x',
  proofUrl: `https://consent.example/receipts/${id}`,
})

/**
 * A server: the POST gets `ack`; each receipt JSON GET the receipt with the next of `proofs`' log, or
 * `log: null` (not in a checkpoint yet) for null or when none are left; the URLs recorded.
 */
function serve(ack: object | null, ...proofs: (ReturnType<typeof bundleOf> | null)[]) {
  const urls: string[] = []
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    urls.push(String(url))
    if (init?.method == 'POST') return new Response(JSON.stringify(ack), { status: ack ? 201 : 503 })
    const next = proofs.shift()
    return Response.json({ receipt: next?.receipt ?? { id: 'r' }, revision: {}, log: next?.log ?? null })
  })
  return urls
}

/** Moves the fake clock on in 100 ms steps until `condition` holds (at most 10 fake minutes). */
async function passTimeUntil(condition: () => boolean | Promise<boolean>) {
  for (let step = 0; step < 6000 && !(await condition()); step++) await vi.advanceTimersByTimeAsync(100)
  expect(await condition()).toBe(true)
}

const proofOf = async (id: string) => (await loadHistory()).find((e) => e.ack?.id == id)?.proof

describe('the proof the browser keeps', () => {
  afterEach(async () => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
    localStorage.clear()
    await editHistory(() => [])
  })

  it('should fetch the proof after the 201 and keep it once a checkpoint includes the receipt', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    const start = Date.now()
    const ack = ackOf('r7', new Date().toISOString())
    const urls = serve(ack, null, bundleOf('r7'))
    await record(gate, choiceAt(Date.now()), 'accept-all', STATE)
    expect(await proofOf('r7')).toBeUndefined()
    // Not in a checkpoint at the first look (2 s later); the next look (4 s after that) finds it. The clock
    // moves only as far as each condition needs. The gate's outbox flag is left alone: nothing is queued.
    await passTimeUntil(() => urls.length == 2)
    expect(urls[1]).toBe('https://consent.example/receipts/r7?format=json')
    expect(Date.now() - start).toBeGreaterThanOrEqual(2000)
    await passTimeUntil(async () => !!(await proofOf('r7')))
    expect(Date.now() - start).toBeGreaterThanOrEqual(6000)
    expect(await proofOf('r7')).toEqual(bundleOf('r7'))
    expect(urls).toHaveLength(3)
    expect(localStorage.getItem(OUTBOX_FLAG)).toBeNull()
  })

  it('should look for a missing proof when a later page view sends receipts, again later, and no more once kept', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    const ack = ackOf('r8', new Date().toISOString())
    await editHistory(() => [{ input: {} as never, ack }])
    const urls = serve(null, null, bundleOf('r8'))
    await flush()
    expect(urls).toEqual([ack.proofUrl + '?format=json'])
    expect(await proofOf('r8')).toBeUndefined()
    await passTimeUntil(async () => !!(await proofOf('r8')))
    expect((await proofOf('r8'))?.log).toEqual(log)
    await flush()
    await vi.advanceTimersByTimeAsync(130e3)
    expect(urls).toHaveLength(2)
    expect(localStorage.getItem(OUTBOX_FLAG)).toBeNull()
  })

  it('should stop looking on the page after about two minutes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    await editHistory(() => [{ input: {} as never, ack: ackOf('r10', new Date().toISOString()) }])
    const urls = serve(null)
    await flush()
    await vi.advanceTimersByTimeAsync(600e3)
    // At once, then 2, 4, 8, 16, 32 and 64 s later.
    expect(urls).toHaveLength(7)
  })

  it('should stop looking a day after the receipt, and never look without an ack', async () => {
    const old = ackOf('r9', new Date(Date.now() - 864e5 - 1000).toISOString())
    await editHistory(() => [
      { input: {} as never, ack: old },
      { input: {} as never, ack: null },
    ])
    const urls = serve(null, bundleOf('r9'))
    await flush()
    expect(urls).toEqual([])
    expect(localStorage.getItem(OUTBOX_FLAG)).toBeNull()
  })
})
