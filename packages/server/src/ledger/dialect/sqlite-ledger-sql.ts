import { LATEST_CHECKPOINT_IS as MINE } from './latest-checkpoint.ts'
import type { LedgerSql } from './ledger-sql.ts'

/** The ledger's statements on SQLite (libSQL): untyped `?` values, `INSERT OR …`, `json_each`. */
export const SQLITE_LEDGER_SQL: LedgerSql = {
  insertBatch: `INSERT INTO batches (seq, size, first_seq, last_seq, root, previous_root, sealed_at, signature, key_id)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE coalesce((SELECT max(seq) FROM batches), 0) = ?`,
  insertCheckpoint: `INSERT INTO checkpoints (size, root, note, signed_at)
            SELECT ?, ?, ?, ? WHERE coalesce((SELECT max(size) FROM checkpoints), 0) = ?`,
  // json_each keeps the array's order; `key` is the element's index from 0.
  insertLogEntries: `INSERT OR IGNORE INTO log_entries (idx, entry, receipt_seq, erasure_seq)
  SELECT ? + key, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]')
  FROM json_each(?) WHERE ${MINE}`,
  putLogTile: `INSERT OR REPLACE INTO log_tiles (level, idx, hashes) SELECT ?, ?, ? WHERE ${MINE}`,
  // `seq` is the rowid: SQLite numbers the rows after the last.
  recordErasures: `INSERT INTO erasures (receipt_id, erased_at)
  SELECT id, ? FROM receipts WHERE site_id = ? AND consent_id = ? AND erased_at IS NULL ORDER BY seq`,
  purposeIs(key, granted) {
    // json_extract gives 1 / 0 for true / false; erased receipts (purposes NULL) match neither.
    return { clause: `json_extract(purposes, ?) = ${granted ? 1 : 0}`, arg: `$."${key}"` }
  },
  purposeShares: (filter) => `SELECT j.key AS key, sum(j.value = 1) AS granted, count(*) AS total
          FROM (SELECT purposes FROM (
                  SELECT purposes, row_number() OVER (PARTITION BY consent_id ORDER BY seq DESC) AS rn
                  FROM receipts WHERE site_id = ? AND issued_at >= ? ${filter} AND erased_at IS NULL
                ) WHERE rn = 1) AS latest, json_each(latest.purposes) AS j
          GROUP BY j.key ORDER BY j.key`,
}
