import { inject } from 'vitest'
import type { Dialect } from '../db/sql-client.ts'
import { createPgDatabase } from './pg-cluster.ts'

/** The engines the server's tests run on: `describe.each(TEST_ENGINES)`. */
export const TEST_ENGINES: readonly Dialect[] = ['sqlite', 'postgres']

/** The run's PostgreSQL cluster (pg-global-setup.ts), or '' when it has none (PostgreSQL tests skip). */
export function pgAdminUrl(): string {
  return inject('pgAdminUrl') ?? ''
}

/** True when tests on `engine` cannot run here (no PostgreSQL outside CI): `describe.skipIf(engineMissing(e))`. */
export function engineMissing(engine: Dialect): boolean {
  return engine === 'postgres' && !pgAdminUrl()
}

/**
 * A fresh database URL on `engine` for one test: a new file in `dir`, or a new PostgreSQL database (dropped
 * by the returned `drop`).
 */
export async function freshDbUrl(
  engine: Dialect,
  dir: string,
  name = 'torii.db'
): Promise<{ url: string; drop(): Promise<void> }> {
  if (engine === 'sqlite') return { url: `file:${dir}/${name}`, drop: async () => undefined }
  return createPgDatabase(pgAdminUrl())
}
