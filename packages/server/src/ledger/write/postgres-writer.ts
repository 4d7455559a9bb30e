import { LEDGER_LOCK, type Postgres } from '../../db/postgres-client.ts'
import type { SqlClient } from '../../db/sql-client.ts'
import { INSERT_RECEIPT, INSERTED_FIELDS } from '../record/receipt-fields.ts'
import { cachedLeaves, createLeafCache } from '../seal/leaf-cache.ts'
import { sealLog } from '../seal/log-sealer.ts'
import { sealNext } from '../seal/sealer.ts'
import { clientSealStore, type Writer } from './writer.ts'

/**
 * A group of receipts in one statement: the rows (each a JSON array in INSERTED_FIELDS order, as
 * receiptRecord writes it) as one jsonb array, numbered after the last receipt in array order. Answers the
 * seq before the first. Runs after the ledger lock is taken, so `max(seq)` is read under it: seqs are
 * gapless and in commit order across servers (a sequence would hand them out in another order, and a sealer
 * that read max(seq) could then skip a receipt committed later with a lower seq).
 */
export const INSERT_RECEIPT_GROUP = `WITH last AS (SELECT coalesce(max(seq), 0) AS seq FROM receipts),
  added AS (
    INSERT INTO receipts (seq, ${INSERTED_FIELDS.map((field) => field.column).join(', ')})
    SELECT last.seq + r.ord, ${INSERTED_FIELDS.map((field, i) =>
      field.type === 'integer' || field.type === 'boolean' ? `(r.v->>${i})::bigint` : `r.v->>${i}`
    ).join(', ')}
    FROM last, jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(v, ord)
  )
SELECT seq FROM last`

/** A group's transaction and the ledger lock, sent as one simple query. */
const BEGIN_LOCKED = `BEGIN; SELECT pg_advisory_xact_lock(${LEDGER_LOCK})`

/** The node-postgres pool behind a PostgreSQL SqlClient (db/postgres-client.ts). */
export function postgresPoolOf(client: SqlClient): Postgres {
  const pool = (client as { postgres?: Postgres }).postgres
  if (client.dialect !== 'postgres' || !pool) throw new Error('not a PostgreSQL client')
  return pool
}

/**
 * The ledger's writer on PostgreSQL. Each group of receipts is one transaction on a connection of its own:
 * BEGIN and the ledger lock (`pg_advisory_xact_lock`) in one round trip, one prepared INSERT of every row,
 * COMMIT; the group is acknowledged once COMMIT answered. Two groups may be in flight on two
 * connections, the second waiting on the lock while the first commits. The leaves of the receipts committed
 * here are kept for this process's sealers, as the SQLite writer thread does.
 */
export function createPostgresWriter(client: SqlClient): Writer {
  const pool = postgresPoolOf(client)
  const store = clientSealStore(client)
  const batchLeaves = createLeafCache()
  const logLeaves = createLeafCache()
  return {
    write: store.write,
    seal: (request) => sealNext(store, request, batchLeaves),
    sealLog: (request) => sealLog(store, request, logLeaves),
    async insertRows(sql, rows, hashColumn) {
      if (sql !== INSERT_RECEIPT) throw new Error('the PostgreSQL writer inserts receipt rows only')
      if (rows.length === 0) return
      const connection = await pool.connect()
      let lastSeq: number
      let broken: Error | undefined
      try {
        // BEGIN and the lock in one round trip (a simple query of two statements), then the group's INSERT
        // (prepared once per connection), then COMMIT: the group is acknowledged once COMMIT answered.
        await connection.query(BEGIN_LOCKED)
        const inserted = await connection.query<{ seq: number }>({
          name: 'torii_insert_receipt_group',
          text: INSERT_RECEIPT_GROUP,
          values: [`[${rows.join(',')}]`],
        })
        await connection.query('COMMIT')
        lastSeq = Number(inserted.rows[0]!.seq)
      } catch (error) {
        // Rejected, never acknowledged; a connection that cannot even roll back is closed, not reused.
        await connection.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError
        })
        throw error
      } finally {
        connection.release(broken)
      }
      if (hashColumn !== undefined) {
        const committed = cachedLeaves(rows.map((row) => (JSON.parse(row) as string[])[hashColumn]!))
        batchLeaves.add(lastSeq + 1, committed)
        logLeaves.add(lastSeq + 1, committed)
      }
    },
    pipelined: true,
    async close() {},
  }
}
