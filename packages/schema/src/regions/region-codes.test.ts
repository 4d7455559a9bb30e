import { describe, expect, it } from 'vitest'
import { COUNTRY_CODES } from './countries.ts'
import { REGION_GROUPS, US_PRIVACY_LAWS } from './groups.ts'
import {
  groupCodes,
  isCountryCode,
  isKnownSubdivision,
  normalizeCountryCode,
  normalizeSubdivisionCode,
  regionLevel,
} from './region-codes.ts'
import { SUBDIVISION_CODES } from './subdivisions.ts'

// biome-ignore format: a data table
const EU_27 = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
]

describe('ISO 3166 code lists', () => {
  it('should hold the 249 assigned ISO 3166-1 codes, sorted, once each, and no reserved one', () => {
    expect(COUNTRY_CODES).toHaveLength(249)
    expect(new Set(COUNTRY_CODES).size).toBe(249)
    expect([...COUNTRY_CODES].sort()).toEqual([...COUNTRY_CODES])
    for (const reserved of ['XX', 'T1', 'EU', 'UK', 'XK', 'ZZ', 'AN', 'EA', 'IC', 'AA', 'QO']) {
      expect(isCountryCode(reserved), reserved).toBe(false)
    }
    for (const code of ['JP', 'US', 'GB', 'CH', 'DE', 'SS', 'CW', 'AX'])
      expect(isCountryCode(code), code).toBe(true)
  })

  it('should know the US states, DC and outlying areas, the Canadian provinces and territories, the 47 prefectures', () => {
    expect(SUBDIVISION_CODES.US).toHaveLength(57)
    expect(SUBDIVISION_CODES.CA).toHaveLength(13)
    expect(SUBDIVISION_CODES.JP).toHaveLength(47)
    for (const list of Object.values(SUBDIVISION_CODES)) expect(new Set(list).size).toBe(list.length)
    for (const code of ['US-CA', 'US-DC', 'US-PR', 'CA-QC', 'CA-YT', 'JP-01', 'JP-13', 'JP-47']) {
      expect(isKnownSubdivision(code), code).toBe(true)
    }
    for (const code of ['US-XX', 'JP-48', 'JP-00', 'JP-1', 'CA-NF', 'DE-BY', 'us-ca', 'US']) {
      expect(isKnownSubdivision(code), code).toBe(false)
    }
  })
})

describe('region groups', () => {
  it('should make the EU its 27 member states, plus Åland and the French outermost regions', () => {
    expect(REGION_GROUPS.EU!.members).toHaveLength(27)
    expect([...REGION_GROUPS.EU!.members].sort()).toEqual(EU_27)
    expect([...REGION_GROUPS.EU!.territories].sort()).toEqual(['AX', 'GF', 'GP', 'MF', 'MQ', 'RE', 'YT'])
    expect(groupCodes('EU')!.size).toBe(34)
  })

  it('should make the EEA exactly the EU 27 plus Iceland, Liechtenstein and Norway', () => {
    expect(REGION_GROUPS.EEA!.members).toHaveLength(30)
    expect([...REGION_GROUPS.EEA!.members].sort()).toEqual([...EU_27, 'IS', 'LI', 'NO'].sort())
    expect(REGION_GROUPS.EEA!.territories).toEqual(REGION_GROUPS.EU!.territories)
    for (const outside of ['GB', 'CH', 'SJ', 'FO', 'GL', 'BL'])
      expect(groupCodes('EEA')!.has(outside)).toBe(false)
  })

  it('should make the UK Great Britain and Northern Ireland only (GB), not the Crown Dependencies', () => {
    expect(REGION_GROUPS.UK!.members).toEqual(['GB'])
    expect([...groupCodes('UK')!]).toEqual(['GB'])
  })

  it('should list 22 US privacy states, each a known subdivision, with a law and an ISO date, oldest first', () => {
    expect(US_PRIVACY_LAWS).toHaveLength(22)
    expect(REGION_GROUPS['US-PRIVACY-STATES']!.members).toEqual(US_PRIVACY_LAWS.map((s) => s.code))
    for (const state of US_PRIVACY_LAWS) {
      expect(isKnownSubdivision(state.code), state.code).toBe(true)
      expect(state.effective).toMatch(/^20\d\d-\d\d-\d\d$/)
      expect(state.law.length).toBeGreaterThan(10)
    }
    const dates = US_PRIVACY_LAWS.map((s) => s.effective)
    expect([...dates].sort()).toEqual(dates)
    expect(new Set(US_PRIVACY_LAWS.map((s) => s.code)).size).toBe(22)
    // Florida's law binds only controllers over US$1 billion: not in the group (IAPP's count).
    expect(groupCodes('US-PRIVACY-STATES')!.has('US-FL')).toBe(false)
  })

  it('should name every member with a code Torii knows, and no group with a country or subdivision code', () => {
    for (const [name, group] of Object.entries(REGION_GROUPS)) {
      expect(regionLevel(name), name).toBe('group')
      expect(isCountryCode(name) || isKnownSubdivision(name), name).toBe(false)
      for (const code of [...group.members, ...group.territories]) {
        expect(isCountryCode(code) || isKnownSubdivision(code), `${name}: ${code}`).toBe(true)
      }
    }
  })
})

describe('normalizing codes from a CDN or an IP database', () => {
  it('should fix case and spaces and refuse what is not an assigned country', () => {
    expect(normalizeCountryCode('jp')).toBe('JP')
    expect(normalizeCountryCode(' de ')).toBe('DE')
    for (const bad of ['XX', 'T1', 'EU', 'US,US', 'US, DE', 'USA', '', '  ', null, undefined, 'J', '日本']) {
      expect(normalizeCountryCode(bad), String(bad)).toBeUndefined()
    }
  })

  it('should take a subdivision as US-CA or as CA with the country, and refuse a mismatch', () => {
    expect(normalizeSubdivisionCode('US-CA')).toBe('US-CA')
    expect(normalizeSubdivisionCode('us-ca', 'US')).toBe('US-CA')
    expect(normalizeSubdivisionCode('CA', 'US')).toBe('US-CA')
    expect(normalizeSubdivisionCode('13', 'JP')).toBe('JP-13')
    expect(normalizeSubdivisionCode('BY', 'DE')).toBe('DE-BY')
    expect(normalizeSubdivisionCode('US-CA', 'JP')).toBeUndefined()
    expect(normalizeSubdivisionCode('CA')).toBeUndefined()
    expect(normalizeSubdivisionCode('XX', 'US')).toBeUndefined()
    expect(normalizeSubdivisionCode('JP-48')).toBeUndefined()
    expect(normalizeSubdivisionCode('CA,CA', 'US')).toBeUndefined()
    expect(normalizeSubdivisionCode('XX-CA')).toBeUndefined()
    expect(normalizeSubdivisionCode('', 'US')).toBeUndefined()
  })
})
