import type { SqlClient } from '../../db/sql-client.ts'
import { ledgerSqlFor } from '../dialect/ledger-sql.ts'
import { ERASE_RECEIPTS } from '../record/receipt-fields.ts'
import { withBusyRetry } from './busy.ts'

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
      { sql: ledgerSqlFor(client.dialect).recordErasures, args },
      { sql: ERASE_RECEIPTS, args },
    ])
  )
  return erased!.rowsAffected
}
