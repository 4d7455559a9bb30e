import type { Database } from '../db/client.ts'
import type { LedgerOptions } from '../ledger/index.ts'
import { keyFileBeside } from '../ledger/seal/key-file.ts'

/**
 * A test ledger's client, and on PostgreSQL its key file (a database that is no local file has none beside
 * it): `createLedger({ ...ledgerOn(db), … })`. On SQLite the key file stays the default one beside the file.
 */
export function ledgerOn(
  db: Pick<Database, 'client' | 'dialect'> & { path: string }
): Pick<LedgerOptions, 'client' | 'signingKeyFile'> {
  return db.dialect === 'postgres'
    ? { client: db.client, signingKeyFile: keyFileBeside(db.path) }
    : { client: db.client }
}
