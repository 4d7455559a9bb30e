import { type Regions, siteConfigSchema } from '@torii/schema'
import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
import { createDb } from '../db/client.ts'
import { publishRevision } from '../sites/revisions.ts'
import { createSite } from '../sites/sites.ts'

/** One rule of each model: Japan `notice`, EEA+UK+CH `opt-in`, the US `opt-out`, everyone else `opt-in`. */
export const REGION_RULES: Regions = [
  { key: 'japan', match: ['JP'], model: 'notice' },
  { key: 'eea', match: ['EEA', 'GB', 'CH'], model: 'opt-in' },
  { key: 'us', match: ['US'], model: 'opt-out' },
  { key: 'default', match: ['*'], model: 'opt-in' },
]

/**
 * Migrates the libSQL database at `url` and publishes one site per entry of `sites` (id to its region rules,
 * or undefined for none), each with the demo's config otherwise: what a server started on `url` then serves.
 */
export async function publishSites(url: string, sites: Record<string, Regions | undefined>): Promise<void> {
  const database = await createDb({ url })
  try {
    for (const [id, regions] of Object.entries(sites)) {
      const config = siteConfigSchema.parse({ ...DEMO_SITE_CONFIG, ...(regions ? { regions } : {}) })
      const input = { id, name: id, origins: ['https://www.example.com'], languages: config.languages }
      if (!(await createSite(database.db, input, config, null))) throw new Error(`site ${id} exists already`)
      await publishRevision(database.db, id, config, null, 'published by a test or the bench')
    }
  } finally {
    database.close()
  }
}
