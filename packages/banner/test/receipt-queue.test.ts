import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Choice } from '../src/gate/types.ts'
import { OUTBOX_FLAG } from '../src/shared/constants.ts'
import { buildReceipt, flush, flushQueued, record } from '../src/ui/receipt.ts'
import { loadChoice, loadHistory } from '../src/ui/store.ts'
import { gateHandle } from './fixtures.ts'

const choice: Choice = {
  id: '0123456789abcdef0123456789abcdef',
  rev: 3,
  at: Date.parse('2026-11-25T07:00:00Z'),
  p: { necessary: true, analytics: true, advertising: false },
  v: { 'google-analytics': true, 'google-adsense': false },
}
const gate = gateHandle({
  _gateUrl: 'https://consent.example/s/xtra/gate.js',
  _gpc: true,
  _chunks: { lang: 'ja' },
})
const STATE = { analytics_storage: 'granted', ad_storage: 'denied' }
const ack = { id: 'r1', revision: 3, revisionHash: 'h', issuedAt: 'now', hash: 'x', proofUrl: '/receipts/r1' }

/** A fetch that answers each call with the next of `answers` (an Error rejects), recording the calls. */
function fakeFetch(...answers: (Response | Error)[]) {
  const calls: { url: string; body: unknown; init: RequestInit }[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url: String(url), body: JSON.parse(String(init.body)), init })
    const next = answers.shift() ?? new Error('no more answers')
    if (next instanceof Error) throw next
    return next
  })
  return calls
}

describe('receipts', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('should describe the decision with the signals sent', () => {
    expect(buildReceipt(gate, choice, 'custom', STATE)).toMatchObject({
      consentId: choice.id,
      revision: 3,
      action: 'custom',
      purposes: choice.p,
      vendors: choice.v,
      consentMode: STATE,
      gpc: true,
      language: 'ja',
      clientTime: '2026-11-25T07:00:00.000Z',
    })
  })

  it('should POST as text/plain with keepalive, and keep the choice and the ack in IndexedDB', async () => {
    const calls = fakeFetch(new Response(JSON.stringify(ack), { status: 201 }))
    await record(gate, choice, 'accept-all', STATE)
    expect(calls).toHaveLength(1)
    expect(calls[0].url).toBe('https://consent.example/s/xtra/receipts')
    expect(calls[0].init).toMatchObject({ method: 'POST', keepalive: true })
    expect((calls[0].init.headers as Record<string, string>)['content-type']).toMatch(/^text\/plain/)
    expect(await loadChoice()).toEqual(choice)
    expect((await loadHistory()).at(-1)).toMatchObject({ input: { action: 'accept-all' }, ack })
    expect(localStorage.getItem(OUTBOX_FLAG)).toBeNull()
  })

  it('should send the POST at once, before the local writes, so leaving the page right away loses nothing', async () => {
    const calls = fakeFetch(new Response(JSON.stringify(ack), { status: 201 }))
    const recorded = record(gate, choice, 'custom', STATE)
    // No await yet: the request is already out, as a page unloading now would still see it leave.
    expect(calls).toHaveLength(1)
    expect(calls[0].body).toMatchObject({ action: 'custom', consentId: choice.id })
    await recorded
    expect((await loadHistory()).at(-1)).toMatchObject({ input: { action: 'custom' }, ack })
  })

  it('should queue a receipt the server did not take, and send it once on a later page view', async () => {
    fakeFetch(new TypeError('Failed to fetch'))
    await record(gate, choice, 'reject-all', STATE)
    expect(localStorage.getItem(OUTBOX_FLAG)).toBe('1')

    const later = fakeFetch(new Response(JSON.stringify(ack), { status: 201 }))
    await flush()
    expect(later).toHaveLength(1)
    expect(later[0].body).toMatchObject({ action: 'reject-all', consentId: choice.id })
    expect(localStorage.getItem(OUTBOX_FLAG)).toBeNull()

    const again = fakeFetch()
    await flush()
    expect(again).toHaveLength(0)
  })

  it('should keep queueing on 5xx and drop (with a warning) what the server refuses as bad', async () => {
    fakeFetch(new Response('busy', { status: 503 }))
    await record(gate, choice, 'custom', STATE)
    expect(localStorage.getItem(OUTBOX_FLAG)).toBe('1')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const calls = fakeFetch(new Response('{"error":{"code":"bad_request"}}', { status: 400 }))
    await flush()
    expect(calls).toHaveLength(1)
    expect(warn).toHaveBeenCalledOnce()
    expect(localStorage.getItem(OUTBOX_FLAG)).toBeNull()
  })
  it('should send queued receipts from a page view that shows the banner (the flag says there are some)', async () => {
    fakeFetch(new TypeError('Failed to fetch'))
    await record(gate, choice, 'accept-all', STATE)
    const later = fakeFetch(new Response(JSON.stringify(ack), { status: 201 }))
    flushQueued()
    await vi.waitFor(() => expect(localStorage.getItem(OUTBOX_FLAG)).toBeNull())
    expect(later.map((call) => (call.body as { action: string }).action)).toEqual(['accept-all'])
  })
})
