import type { Dialect, SqlValue } from '../../db/sql-client.ts'
import { POSTGRES_LEDGER_SQL } from './postgres-ledger-sql.ts'
import { SQLITE_LEDGER_SQL } from './sqlite-ledger-sql.ts'

/**
 * The ledger's statements that the two engines spell differently (SQLite's `INSERT OR …` and `json_each`,
 * PostgreSQL's typed parameters and `jsonb`): one meaning each, one implementation per dialect. Everything
 * else the ledger runs is the same SQL on both.
 */
export interface LedgerSql {
  /**
   * A sealed batch, only while the previous batch is still the last; arguments: seq, size, first_seq,
   * last_seq, root, previous_root, sealed_at, signature, key_id, the previous batch's seq (0 for none).
   */
  readonly insertBatch: string
  /**
   * A signed checkpoint, only while the latest is still the one it extends; arguments: size, root, note,
   * signed_at, the latest checkpoint's size (0 for none).
   */
  readonly insertCheckpoint: string
  /**
   * Log entries from index ? on, from a JSON array of [entry, receipt_seq, erasure_seq] in order, skipping
   * those already there; then LATEST_CHECKPOINT_IS's arguments.
   */
  readonly insertLogEntries: string
  /** A hash tile (level, idx, hashes), replacing the stored one; then LATEST_CHECKPOINT_IS's arguments. */
  readonly putLogTile: string
  /**
   * Records each receipt about to be erased as an erasure (its log entry), in seq order, numbered after the
   * last; arguments: erasedAt, siteId, consentId.
   */
  readonly recordErasures: string
  /** A condition that a receipt's purposes grant (or deny) the purpose `key`, and its one argument. */
  purposeIs(key: string, granted: boolean): { clause: string; arg: SqlValue }
  /**
   * Per purpose, how many of the latest choices in the period (one per consent id, erased ones left out)
   * grant it (`granted`) of how many (`total`), by `key` in code point order; arguments: siteId, the period's
   * start, then `filter`'s.
   */
  purposeShares(filter: string): string
}

/** The ledger's dialect-specific statements for a database of `dialect`. */
export function ledgerSqlFor(dialect: Dialect): LedgerSql {
  return dialect === 'postgres' ? POSTGRES_LEDGER_SQL : SQLITE_LEDGER_SQL
}
