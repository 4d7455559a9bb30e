import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb, type Database } from '../db/client.ts'
import type { Dialect } from '../db/sql-client.ts'
import type { LedgerEntry } from '../ledger/types.ts'
import { freshDbUrl } from './test-engines.ts'

/**
 * A fresh migrated database for one test, with its own temp folder: a libSQL file (`path`), or on
 * `postgres` a new database on the run's cluster. `cleanup` closes it and deletes both.
 */
export async function createTestDb(
  engine: Dialect = 'sqlite'
): Promise<Database & { dir: string; path: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'torii-ledger-'))
  const path = join(dir, 'torii.db')
  const fresh = await freshDbUrl(engine, dir)
  const database = await createDb({ url: fresh.url })
  return {
    ...database,
    dir,
    path,
    async cleanup() {
      await database.close()
      await fresh.drop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

let counter = 0

/** A valid ledger entry; `overrides` change any field. */
export function sampleEntry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  counter++
  return {
    siteId: 'xtra',
    revision: 1,
    revisionHash: 'a'.repeat(64),
    consentId: `consent-${String(counter).padStart(12, '0')}`,
    action: 'custom',
    purposes: { analytics: counter % 2 === 0, advertising: false },
    vendors: { 'google-analytics': counter % 2 === 0 },
    consentMode: { analytics_storage: counter % 2 === 0 ? 'granted' : 'denied', ad_storage: 'denied' },
    gpc: false,
    language: 'ja',
    pageUrl: 'https://www.example.co.jp/news',
    clientTime: '2026-11-25T06:00:00.000+09:00',
    userAgent: 'Mozilla/5.0 (test)',
    ipTruncated: '203.0.113.0',
    ...overrides,
  }
}
