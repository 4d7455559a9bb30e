import type { Postgres } from '../db/postgres-client.ts'
import type { SqlClient } from '../db/sql-client.ts'

/** The postgres.js pool under a PostgreSQL SqlClient (db/postgres-client.ts), for transactions of our own. */
export function postgresOf(client: SqlClient): Postgres {
  if (client.dialect !== 'postgres' || !('postgres' in client))
    throw new Error('not a PostgreSQL database opened by createDb')
  return client.postgres as Postgres
}
