import { existsSync } from 'node:fs'
import { createDb, type Database, DEFAULT_DB_URL, filePathOf } from '../db/client.ts'
import { DB_URL_FORMS, DB_URL_PATTERN, redactedUrl } from '../db/sql-client.ts'
import { userDbUrl } from './io.ts'
import { UsageError } from './usage.ts'

/** The database named by --db / TORII_DB_URL; `mustExist` refuses to create a new empty file. */
export async function openDatabase(url: string | undefined, mustExist: boolean): Promise<Database> {
  const dbUrl = url ? userDbUrl(url) : (process.env.TORII_DB_URL ?? DEFAULT_DB_URL)
  if (!DB_URL_PATTERN.test(dbUrl)) {
    throw new UsageError(`--db ${JSON.stringify(redactedUrl(dbUrl))} is not a database URL (${DB_URL_FORMS})`)
  }
  const path = filePathOf(dbUrl)
  if (mustExist && path && !existsSync(path)) throw new UsageError(`--db: no database at ${path}`)
  return createDb({ url: dbUrl, authToken: process.env.TORII_DB_AUTH_TOKEN })
}
