import type { Db } from '../db/client.ts'
import type { Postgres } from '../db/postgres-client.ts'
import { dialectOfDb, sqlClientOf } from '../db/tables-of.ts'

/** The node-postgres pool under `db` when it runs on PostgreSQL (createDb opened it), else null (libSQL). */
export function postgresOf(db: Db): Postgres | null {
  if (dialectOfDb(db) !== 'postgres') return null
  return (sqlClientOf(db) as { postgres?: Postgres }).postgres ?? null
}
