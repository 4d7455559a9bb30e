import type { SqlClient } from '../../db/sql-client.ts'
import { ERASE_RECEIPTS } from '../record/receipt-fields.ts'
import { withBusyRetry } from './busy.ts'

/** Records each receipt about to be erased as an erasure (its log entry); arguments: erasedAt, siteId, consentId. */
const RECORD_ERASURES = `INSERT INTO erasures (receipt_id, erased_at)
  SELECT id, ? FROM receipts WHERE site_id = ? AND consent_id = ? AND erased_at IS NULL ORDER BY seq`

/**
 * Erases the payload of every receipt of a site's consent id not erased yet (hashes stay, so the ledger
 * still verifies) and records each erasure, which the log appends as an entry of its own; answers how many.
 * The caller holds the process's write lock.
 */
export async function eraseReceipts(
  client: SqlClient,
  { siteId, consentId, erasedAt }: { siteId: string; consentId: string; erasedAt: string }
): Promise<number> {
  const args = [erasedAt, siteId, consentId]
  const [, erased] = await withBusyRetry(() =>
    client.batch([
      { sql: RECORD_ERASURES, args },
      { sql: ERASE_RECEIPTS, args },
    ])
  )
  return erased!.rowsAffected
}
