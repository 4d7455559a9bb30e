// vitest globalSetup: one throwaway PostgreSQL cluster for the whole run, its URL given to the tests
// (`inject('pgAdminUrl')`, see test-engines.ts). Without PostgreSQL the PostgreSQL tests are skipped, except
// under CI, where that is a failure.
import type { TestProject } from 'vitest/node'
import { type PgCluster, startPgCluster } from './pg-cluster.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL cluster; '' when there is none. */
    pgAdminUrl: string
  }
}

let cluster: PgCluster | null = null

export async function setup(project: TestProject): Promise<void> {
  try {
    cluster = await startPgCluster()
    project.provide('pgAdminUrl', cluster.adminUrl)
  } catch (error) {
    if (process.env.CI) throw error
    console.warn(`torii tests: PostgreSQL tests skipped: ${(error as Error).message}`)
    project.provide('pgAdminUrl', '')
  }
}

export async function teardown(): Promise<void> {
  await cluster?.stop()
}
