import { LATEST_CHECKPOINT_IS as MINE } from './latest-checkpoint.ts'
import type { LedgerSql } from './ledger-sql.ts'

/**
 * The ledger's statements on PostgreSQL. A parameter in `INSERT … SELECT ?` has no column to take its type
 * from (PostgreSQL would read it as text and refuse it for a bigint), so each is cast; JSON is `jsonb`; upserts
 * are `ON CONFLICT`; ordering of text is by code point (`COLLATE "C"`), as SQLite's.
 */
export const POSTGRES_LEDGER_SQL: LedgerSql = {
  insertBatch: `INSERT INTO batches (seq, size, first_seq, last_seq, root, previous_root, sealed_at, signature, key_id)
            SELECT ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::text, ?::text, ?::text, ?::text, ?::text
            WHERE coalesce((SELECT max(seq) FROM batches), 0) = ?`,
  insertCheckpoint: `INSERT INTO checkpoints (size, root, note, signed_at)
            SELECT ?::bigint, ?::text, ?::text, ?::text WHERE coalesce((SELECT max(size) FROM checkpoints), 0) = ?`,
  insertLogEntries: `INSERT INTO log_entries (idx, entry, receipt_seq, erasure_seq)
  SELECT ?::bigint + e.ord - 1, e.v->>0, (e.v->>1)::bigint, (e.v->>2)::bigint
  FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS e(v, ord) WHERE ${MINE}
  ON CONFLICT DO NOTHING`,
  putLogTile: `INSERT INTO log_tiles (level, idx, hashes) SELECT ?::bigint, ?::bigint, ?::bytea WHERE ${MINE}
  ON CONFLICT (level, idx) DO UPDATE SET hashes = excluded.hashes`,
  // `seq` has no default here: numbered after the last under the ledger lock (the caller's batch holds it).
  recordErasures: `INSERT INTO erasures (seq, receipt_id, erased_at)
  SELECT coalesce((SELECT max(seq) FROM erasures), 0) + row_number() OVER (ORDER BY seq), id, ?::text
  FROM receipts WHERE site_id = ? AND consent_id = ? AND erased_at IS NULL ORDER BY seq`,
  purposeIs(key, granted) {
    // Erased receipts (purposes NULL) match neither.
    return { clause: `(purposes::jsonb -> ?::text) = '${granted}'::jsonb`, arg: key }
  },
  purposeShares: (
    filter
  ) => `SELECT j.key AS key, sum(CASE WHEN j.value = 'true'::jsonb THEN 1 ELSE 0 END) AS granted,
            count(*) AS total
          FROM (SELECT purposes FROM (
                  SELECT purposes, row_number() OVER (PARTITION BY consent_id ORDER BY seq DESC) AS rn
                  FROM receipts WHERE site_id = ? AND issued_at >= ? ${filter} AND erased_at IS NULL
                ) AS ranked WHERE rn = 1) AS latest, jsonb_each(latest.purposes::jsonb) AS j
          GROUP BY j.key ORDER BY j.key COLLATE "C"`,
}
