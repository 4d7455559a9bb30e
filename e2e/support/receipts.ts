import type { ReceiptAck } from '@torii/schema'
import { expect } from 'vitest'
import type { TestServer } from './server.ts'

/**
 * Records one "reject all" receipt for the demo site as a visitor's browser sends it (text/plain, the
 * server's own origin); fails the test unless it is acknowledged. Returns the server's answer.
 */
export async function recordReceipt(server: TestServer, consentId: string): Promise<ReceiptAck> {
  const res = await fetch(server.at('/s/xtra/receipts'), {
    method: 'POST',
    headers: { 'content-type': 'text/plain', origin: server.url },
    body: JSON.stringify({
      consentId,
      revision: 1,
      action: 'reject-all',
      purposes: { necessary: true, analytics: false, advertising: false },
      vendors: {},
      consentMode: { analytics_storage: 'denied' },
      gpc: false,
      language: 'en',
      pageUrl: server.at('/demo/'),
      clientTime: new Date().toISOString(),
    }),
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as ReceiptAck
}

/**
 * The site's receipts as the ledger stored them, oldest first: `list` answers newest first by ledger position
 * (not by `issuedAt`, which one commit group's receipts share).
 */
export async function storedReceipts(server: TestServer, siteId = 'xtra') {
  const page = await server.ledger.list(siteId, { limit: 100 })
  return [...page.receipts].reverse()
}
