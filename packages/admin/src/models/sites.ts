import { createModel, signal } from '@preact/signals'
import type { AccessibleSite, SiteInput } from '@torii/schema/admin-api'
import { api } from '../api/index.ts'

/** The list of sites. */
export const SitesModel = createModel(() => {
  const sites = signal<AccessibleSite[] | null>(null, { name: 'sites.list' })
  const error = signal<Error | null>(null, { name: 'sites.error' })

  async function load() {
    try {
      error.value = null
      sites.value = (await api.listSites()).sites
    } catch (cause) {
      error.value = cause as Error
    }
  }

  async function create(input: SiteInput) {
    const { site } = await api.createSite(input)
    // Only admins create sites, and admins own every site.
    sites.value = [...(sites.value ?? []), { ...site, role: 'owner' as const }]
    return site
  }

  return { sites, error, load, create }
})

export const sitesModel = new SitesModel()
