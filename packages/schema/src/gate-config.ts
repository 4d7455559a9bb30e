import type { ConsentType } from './consent-mode.ts'
import type { Revision } from './revision.ts'
import type { SiteOptions } from './site-config.ts'

/** The placeholder in the built gate that the server replaces with the site's `GateConfig` JSON. */
export const GATE_CONFIG_PLACEHOLDER = '__TORII_CONFIG__'

/**
 * What the gate needs on every page view, inlined into gate.js by the server: no texts (the UI fetches
 * config.json when it opens), only what decides and enforces.
 */
export interface GateConfig {
  siteId: string
  revision: number
  hash: string
  languages: string[]
  defaultLanguage: string
  purposes: { key: string; required: boolean; consentTypes: ConsentType[]; gpcDenies: boolean }[]
  /** `name` labels the "allow" button of a blocked iframe's placeholder (optional: added later). */
  vendors: { key: string; name?: string; purposes: string[]; hosts: string[]; cookies: string[] }[]
  options: SiteOptions & { floatingButton: boolean }
  /** The UI chunk, relative to the gate's own URL (`/assets/ui-HASH.js`). */
  ui: string
}

/** Derives the gate's inlined config from a revision. */
export function toGateConfig(revision: Revision, uiPath: string): GateConfig {
  const { config } = revision
  return {
    siteId: revision.siteId,
    revision: revision.number,
    hash: revision.hash,
    languages: config.languages,
    defaultLanguage: config.defaultLanguage,
    purposes: config.purposes.map(({ key, required, consentTypes, gpcDenies }) => ({
      key,
      required,
      consentTypes,
      gpcDenies,
    })),
    vendors: config.vendors.map(({ key, name, purposes, hosts, cookies }) => ({
      key,
      name,
      purposes,
      hosts,
      cookies: cookies.map((cookie) => cookie.name),
    })),
    options: { ...config.options, floatingButton: config.look.floatingButton },
    ui: uiPath,
  }
}
