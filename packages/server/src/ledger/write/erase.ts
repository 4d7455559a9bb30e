import type { Client } from '@libsql/client'
import { ERASE_RECEIPTS } from '../record/receipt-fields.ts'
import { withBusyRetry } from './busy.ts'

/**
 * Erases the payload of every receipt of a site's consent id not erased yet (hashes stay, so the ledger
 * still verifies); answers how many. The caller holds the process's write lock.
 */
export async function eraseReceipts(
  client: Client,
  { siteId, consentId, erasedAt }: { siteId: string; consentId: string; erasedAt: string }
): Promise<number> {
  const result = await withBusyRetry(() =>
    client.execute({ sql: ERASE_RECEIPTS, args: [erasedAt, siteId, consentId] })
  )
  return result.rowsAffected
}
