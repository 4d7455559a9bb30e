// One contract, checked on the banner's side: the body the UI's decision code POSTs is what the server's
// receipt route accepts. The schema is the one the server compiles for that route
// (`receiptInputSchema` in @torii/schema, packages/server/src/lib/receipt-parser.ts), not a copy.
import { RECEIPT_ACTIONS, receiptInputSchema } from '@torii/schema/receipt'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Choice } from '../src/gate/types.ts'
import { demoGate, LIVE_REVISION, regionGate } from './fixtures.ts'

const returning = (): Choice => ({
  id: '0123456789abcdef0123456789abcdef',
  rev: 3,
  at: Date.now() - 1000,
  p: { necessary: true, analytics: true, advertising: true },
  v: { 'google-analytics': true, 'google-adsense': true },
})

/** The bodies the banner POSTs, as the server reads them (a string: JSON sent as text/plain). */
function captureReceipts(): string[] {
  const bodies: string[] = []
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    bodies.push(String(init.body))
    return new Response('{}', { status: 500 })
  })
  return bodies
}

/** Each case a clean page: no cookie, nothing stored, no banner, fresh modules. */
beforeEach(async () => {
  document.querySelector('torii-consent')?.remove()
  vi.unstubAllGlobals()
  for (const name of document.cookie.split('; ').map((c) => c.split('=')[0]))
    if (name) document.cookie = `${name}=;Path=/;Max-Age=0`
  localStorage.clear()
  vi.resetModules()
})

describe('the receipt the banner sends', () => {
  it('should parse with the schema the server reads it by, for every action the banner records', async () => {
    // The UI chunk as the gate calls it: the first layer's button, page script's calls, GPC's own decision,
    // a notice's OK.
    const ui = await import('../src/ui/index.ts')
    const bodies = captureReceipts()
    const first = demoGate(null, LIVE_REVISION)
    await ui._open(first, 'banner')
    first._chunks!.root!.querySelector<HTMLElement>('[data-torii-action="reject-all"]')!.click()
    await vi.waitFor(() => expect(bodies).toHaveLength(1))
    await ui._decideKeys(demoGate(null, LIVE_REVISION), 'all', true)
    await ui._decideKeys(demoGate(null, LIVE_REVISION), ['analytics'], true)
    await ui._decideKeys(demoGate(returning(), LIVE_REVISION), ['advertising'], false)
    await ui._decideGpc(demoGate(null, LIVE_REVISION, true))
    // Another page, in a notice-model region: a fresh UI chunk (it keeps its view for its page).
    ui._close()
    document.querySelector('torii-consent')?.remove()
    vi.resetModules()
    const noticeUi = await import('../src/ui/index.ts')
    const notice = regionGate('notice', null, LIVE_REVISION)
    await noticeUi._open(notice, 'notice')
    notice._chunks!.root!.querySelector<HTMLElement>('section.notice [data-torii-action="close"]')!.click()
    await vi.waitFor(() => expect(bodies).toHaveLength(6))
    const receipts = bodies.map((body) => receiptInputSchema.safeParse(JSON.parse(body)))
    for (const r of receipts) expect(r.error?.issues ?? []).toEqual([])
    const actions = receipts.map((r) => r.data?.action)
    expect(actions).toEqual(['reject-all', 'accept-all', 'custom', 'withdraw', 'gpc', 'notice'])
    expect(new Set(actions)).toEqual(new Set(RECEIPT_ACTIONS))
  })
})
