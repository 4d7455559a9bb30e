/**
 * Named groups a region rule may match (`"match": ["EEA"]`), each an ISO 3166 code list with its source.
 * Group names never collide with a country or subdivision code: `EU` and `UK` are exceptionally reserved in
 * ISO 3166-1 (never assigned), `EEA` has three letters, `US-PRIVACY-STATES` is longer than any ISO 3166-2 code.
 * Switzerland needs no group: its country code `CH` is the rule (one code, one meaning).
 */

export interface RegionGroup {
  /** What the group stands for, in English (admin and docs). */
  name: string
  /** ISO 3166-1 countries or ISO 3166-2 subdivisions: the states the group is made of. */
  members: readonly string[]
  /**
   * Places with an ISO 3166-1 code of their own where the same law applies, so a CDN or IP database reports a
   * visitor there by that code, not by the member's: matched as members are, counted apart.
   */
  territories: readonly string[]
}

/**
 * The 27 member states of the European Union, by ISO 3166-1 code (Greece is `GR`, not the EU's own `EL`).
 * Source: https://european-union.europa.eu/principles-countries-history/eu-countries_en (checked 2026-12-06;
 * no accession or withdrawal since the UK left on 2020-01-31).
 */
// biome-ignore format: a data table
const EU_MEMBERS = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const

/**
 * Parts of the EU with their own ISO 3166-1 code, where EU law (the GDPR, the ePrivacy Directive) applies:
 * Åland (`AX`, Finland; Protocol No 2 to the 1994 Act of Accession keeps special rules for taxes only) and the
 * French outermost regions, Art. 349 and 355(1) TFEU: French Guiana `GF`, Guadeloupe `GP`, Martinique `MQ`,
 * Réunion `RE`, Mayotte `YT` (since 2014), Saint-Martin `MF`. The other outermost regions (Azores, Madeira,
 * Canary Islands) are reported as `PT` and `ES`. Not the EU: Saint-Barthélemy `BL` (left in 2012), the
 * overseas countries and territories (`NC`, `PF`, `PM`, `WF`, `TF`, `GL`, `AW`, `CW`, `SX`, `BQ`, ...), the
 * Faroe Islands `FO`.
 */
const EU_TERRITORIES = ['AX', 'GF', 'GP', 'MF', 'MQ', 'RE', 'YT'] as const

/**
 * US states with a comprehensive consumer privacy law (opt-out of sale, sharing or targeted advertising),
 * in force or enacted, with the law's name and the date it takes effect.
 *
 * Sources, checked 2026-12-06 (IAPP's tracker itself could be read only as of its 2025-11-24 update):
 * - IAPP, US State Privacy Legislation Tracker, https://iapp.org/resources/article/us-state-privacy-legislation-tracker/
 *   (updated 2025-11-24): the 19 laws through Rhode Island.
 * - 2026 enactments: Oklahoma SB 546 (signed March 2026; https://okbusinessvoice.com/2026/03/23/oklahoma-enacts-virginia-style-consumer-data-privacy-law),
 *   Alabama HB 351 (signed 2026-04-17; https://www.billtrack50.com/billdetail/1957511), Louisiana SB 386,
 *   Act 502 (signed 2026-05-29; https://www.insideprivacy.com/state-privacy/louisiana-enacts-comprehensive-privacy-law/).
 *   A law enacted after mid-2026 may be missing: check the IAPP tracker before relying on this list.
 * Left out as IAPP does: Florida's Digital Bill of Rights (in force 2024-07-01), which binds only controllers
 * with over US$1 billion in revenue; Washington's My Health My Data Act (health data only). A site in scope in
 * Florida adds `US-FL` to its opt-out rule.
 */
export const US_PRIVACY_LAWS = [
  {
    code: 'US-CA',
    law: 'California Consumer Privacy Act, as amended by the California Privacy Rights Act',
    effective: '2020-01-01',
  },
  { code: 'US-VA', law: 'Virginia Consumer Data Protection Act', effective: '2023-01-01' },
  { code: 'US-CO', law: 'Colorado Privacy Act', effective: '2023-07-01' },
  { code: 'US-CT', law: 'Connecticut Data Privacy Act', effective: '2023-07-01' },
  { code: 'US-UT', law: 'Utah Consumer Privacy Act', effective: '2023-12-31' },
  { code: 'US-TX', law: 'Texas Data Privacy and Security Act', effective: '2024-07-01' },
  { code: 'US-OR', law: 'Oregon Consumer Privacy Act', effective: '2024-07-01' },
  { code: 'US-MT', law: 'Montana Consumer Data Privacy Act', effective: '2024-10-01' },
  { code: 'US-IA', law: 'Iowa Consumer Data Protection Act', effective: '2025-01-01' },
  { code: 'US-DE', law: 'Delaware Personal Data Privacy Act', effective: '2025-01-01' },
  { code: 'US-NE', law: 'Nebraska Data Privacy Act', effective: '2025-01-01' },
  { code: 'US-NH', law: 'New Hampshire Privacy Act (RSA 507-H)', effective: '2025-01-01' },
  { code: 'US-NJ', law: 'New Jersey Data Privacy Act', effective: '2025-01-15' },
  { code: 'US-TN', law: 'Tennessee Information Protection Act', effective: '2025-07-01' },
  { code: 'US-MN', law: 'Minnesota Consumer Data Privacy Act', effective: '2025-07-31' },
  { code: 'US-MD', law: 'Maryland Online Data Privacy Act', effective: '2025-10-01' },
  { code: 'US-IN', law: 'Indiana Consumer Data Protection Act', effective: '2026-01-01' },
  { code: 'US-KY', law: 'Kentucky Consumer Data Protection Act', effective: '2026-01-01' },
  {
    code: 'US-RI',
    law: 'Rhode Island Data Transparency and Privacy Protection Act',
    effective: '2026-01-01',
  },
  { code: 'US-OK', law: 'Oklahoma consumer data privacy act (SB 546)', effective: '2027-01-01' },
  { code: 'US-LA', law: 'Louisiana Data Privacy Act (SB 386, Act 502)', effective: '2027-01-01' },
  { code: 'US-AL', law: 'Alabama Personal Data Protection Act (HB 351)', effective: '2027-05-01' },
] as const

/** The groups by the name a rule uses. */
export const REGION_GROUPS: Readonly<Record<string, RegionGroup>> = {
  EU: { name: 'European Union', members: EU_MEMBERS, territories: EU_TERRITORIES },
  /**
   * EU + Iceland, Liechtenstein, Norway (EEA Agreement; https://www.efta.int/eea). Svalbard `SJ` is outside
   * (Protocol 40 to the EEA Agreement).
   */
  EEA: {
    name: 'European Economic Area',
    members: [...EU_MEMBERS, 'IS', 'LI', 'NO'],
    territories: EU_TERRITORIES,
  },
  /**
   * The United Kingdom (UK GDPR, PECR): `GB` covers Great Britain and Northern Ireland. Not the Crown
   * Dependencies (`JE`, `GG`, `IM`) or Gibraltar (`GI`): each has its own data protection law.
   */
  UK: { name: 'United Kingdom', members: ['GB'], territories: [] },
  'US-PRIVACY-STATES': {
    name: 'US states with a comprehensive privacy law',
    members: US_PRIVACY_LAWS.map((state) => state.code),
    territories: [],
  },
}
