import type { TableKit } from './table-kit.ts'

/**
 * What several server processes on one PostgreSQL count together, so a limit does not multiply with the
 * number of servers (`src/lib/shared-limits.ts`); built with the engine's kit. A libSQL server counts in memory.
 */
export function limitTables(k: TableKit) {
  /**
   * One key's state of a login limit (a sliding window's times, an account's failures), JSON; `expiresAt` (ms
   * since the epoch) is when the state no longer matters and the row may be deleted.
   */
  const limitStates = k.table(
    'limit_states',
    {
      key: k.text().primaryKey(),
      state: k.text().notNull(),
      expiresAt: k.integer().notNull(),
    },
    (table) => [k.index('limit_states_expires').on(table.expiresAt)]
  )

  /** Receipts counted per bucket (a site) per fixed window (`windowStart`, ms since the epoch), by every server. */
  const quotaCounts = k.table(
    'quota_counts',
    {
      bucket: k.text().notNull(),
      windowStart: k.integer().notNull(),
      count: k.integer().notNull(),
    },
    (table) => [k.primaryKey({ columns: [table.bucket, table.windowStart] })]
  )
  return { limitStates, quotaCounts }
}
