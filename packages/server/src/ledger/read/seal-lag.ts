import type { SqlClient } from '../../db/sql-client.ts'
import type { SealLag } from '../types.ts'

/** Receipts past the log's last entry, and the latest checkpoint's signing time, in one read. */
const SEAL_LAG_SQL = `SELECT
  coalesce((SELECT max(seq) FROM receipts), 0) - coalesce((SELECT max(receipt_seq) FROM log_entries), 0) AS pending,
  (SELECT signed_at FROM checkpoints ORDER BY size DESC LIMIT 1) AS signed_at`

/** How far the signed log is behind the committed receipts (see Ledger.sealLag). */
export async function readSealLag(client: SqlClient): Promise<SealLag> {
  const row = (await client.execute(SEAL_LAG_SQL)).rows[0]
  return {
    pending: Number(row?.pending ?? 0),
    lastCheckpointAt: typeof row?.signed_at === 'string' ? row.signed_at : null,
  }
}
