import { type Regions, type SiteConfigInput, siteConfigSchema } from '@torii/schema'
import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
import { DEFAULT_TIME_ZONE } from '@torii/schema/site-input'
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
 * The demo's config without its region rules: a site opt-in everywhere, as every site was before regions (the
 * tests written before regions seed the demo with it; those about regions publish rules of their own).
 */
export const SITE_WITHOUT_RULES: SiteConfigInput = (() => {
  const { regions: _regions, ...config } = DEMO_SITE_CONFIG
  return config
})()

/**
 * Migrates the libSQL database at `url` and publishes one site per entry of `sites` (id to its region rules,
 * or undefined for none), each with the demo's config otherwise: what a server started on `url` then serves.
 */
export async function publishSites(url: string, sites: Record<string, Regions | undefined>): Promise<void> {
  const database = await createDb({ url })
  try {
    for (const [id, regions] of Object.entries(sites)) {
      const config = siteConfigSchema.parse({ ...SITE_WITHOUT_RULES, ...(regions ? { regions } : {}) })
      const input = {
        id,
        name: id,
        origins: ['https://www.example.com'],
        languages: config.languages,
        timeZone: DEFAULT_TIME_ZONE,
      }
      if (!(await createSite(database.db, input, config, null))) throw new Error(`site ${id} exists already`)
      await publishRevision(database.db, id, config, null, 'published by a test or the bench')
    }
  } finally {
    database.close()
  }
}
