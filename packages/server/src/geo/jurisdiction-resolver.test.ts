import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEnv } from '../env.ts'
import { recordingLogger } from '../testing/recording-logger.ts'
import { createJurisdictionResolver, jurisdictionOptionsFromEnv } from './jurisdiction-resolver.ts'

const headers = (init: ConstructorParameters<typeof Headers>[0] = {}) => new Headers(init)

describe('createJurisdictionResolver', () => {
  it('should read a trusted CDN header, and say which headers a shared cache must vary on', () => {
    const resolver = createJurisdictionResolver({
      countryHeader: 'CF-IPCountry',
      subdivisionHeader: 'cf-region-code',
    })
    expect(resolver.mode).toBe('header')
    expect(resolver.varyHeaders).toEqual(['cf-ipcountry', 'cf-region-code'])
    expect(
      resolver.resolve(headers({ 'cf-ipcountry': 'us', 'cf-region-code': 'CA' }), '133.242.0.1')
    ).toEqual({
      country: 'US',
      subdivision: 'US-CA',
      source: 'header',
    })
  })

  it('should not fall back to the IP when a configured header has no usable value', () => {
    const resolver = createJurisdictionResolver({ countryHeader: 'cf-ipcountry' })
    expect(resolver.varyHeaders).toEqual(['cf-ipcountry'])
    for (const value of ['XX', 'T1', 'US,US', '']) {
      expect(resolver.resolve(headers({ 'cf-ipcountry': value }), '133.242.0.1'), value).toEqual({
        source: 'none',
      })
    }
    expect(resolver.resolve(headers(), '133.242.0.1')).toEqual({ source: 'none' })
  })

  it('should read each pair of header values once, then answer the same frozen jurisdiction', () => {
    const resolver = createJurisdictionResolver({
      countryHeader: 'cf-ipcountry',
      subdivisionHeader: 'cf-region-code',
    })
    const california = () => headers({ 'cf-ipcountry': 'US', 'cf-region-code': 'CA' })
    const first = resolver.resolve(california(), null)
    expect(resolver.resolve(california(), null)).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    // The same country with another subdivision, or none, is another answer.
    expect(resolver.resolve(headers({ 'cf-ipcountry': 'US', 'cf-region-code': 'NY' }), null)).toEqual({
      country: 'US',
      subdivision: 'US-NY',
      source: 'header',
    })
    expect(resolver.resolve(headers({ 'cf-ipcountry': 'US' }), null)).toEqual({
      country: 'US',
      source: 'header',
    })
    // Made-up values fill what is kept; answers stay right once it starts over.
    for (let i = 0; i < 5000; i++) resolver.resolve(headers({ 'cf-ipcountry': `Z${i}` }), null)
    expect(resolver.resolve(california(), null)).toEqual({
      country: 'US',
      subdivision: 'US-CA',
      source: 'header',
    })
  })

  it('should use the embedded IP database without a header, loading it only when asked', () => {
    const lines: string[] = []
    const resolver = createJurisdictionResolver({ logger: recordingLogger(lines) })
    expect(resolver.mode).toBe('ip')
    expect(resolver.varyHeaders).toEqual([])
    expect(lines).toEqual([])
    // A geo header a client made up counts for nothing when none is configured.
    expect(resolver.resolve(headers({ 'cf-ipcountry': 'DE' }), '133.242.0.1')).toEqual({
      country: 'JP',
      source: 'ip',
    })
    expect(resolver.resolve(headers(), '::ffff:81.2.69.160')).toEqual({ country: 'GB', source: 'ip' })
    expect(resolver.resolve(headers(), '2001:4860:4860::8888')).toEqual({ country: 'US', source: 'ip' })
    for (const ip of [null, undefined, '', '10.0.0.1', 'garbage', '203.0.113.7']) {
      expect(resolver.resolve(headers(), ip), String(ip)).toEqual({ source: 'none' })
    }
    expect(lines.filter((line) => line.includes('loaded'))).toHaveLength(1)
  })

  it('should give every visitor no jurisdiction when off', () => {
    const resolver = createJurisdictionResolver({ enabled: false, countryHeader: 'cf-ipcountry' })
    expect(resolver.mode).toBe('off')
    expect(resolver.varyHeaders).toEqual([])
    expect(resolver.resolve(headers({ 'cf-ipcountry': 'JP' }), '133.242.0.1')).toEqual({ source: 'none' })
  })

  it('should place nobody, without failing, when the IP database is missing', () => {
    const lines: string[] = []
    const ipDatabasePath = join(mkdtempSync(join(tmpdir(), 'torii-geo-')), 'none.mmdb')
    const resolver = createJurisdictionResolver({ ipDatabasePath, logger: recordingLogger(lines) })
    expect(resolver.resolve(headers(), '133.242.0.1')).toEqual({ source: 'none' })
    expect(lines).toEqual([expect.stringContaining('is missing')])
  })

  it('should refuse a subdivision header without a country header', () => {
    expect(() => createJurisdictionResolver({ subdivisionHeader: 'cf-region-code' })).toThrow(
      'a subdivision header needs a country header too (TORII_GEO_HEADER)'
    )
  })

  it('should take its options from the environment', () => {
    const env = parseEnv({ TORII_GEO_HEADER: 'CloudFront-Viewer-Country' })
    expect(jurisdictionOptionsFromEnv(env)).toEqual({
      enabled: true,
      countryHeader: 'cloudfront-viewer-country',
    })
    expect(createJurisdictionResolver(jurisdictionOptionsFromEnv(parseEnv({}))).mode).toBe('ip')
    expect(createJurisdictionResolver(jurisdictionOptionsFromEnv(parseEnv({ TORII_GEO: 'off' }))).mode).toBe(
      'off'
    )
  })
})
