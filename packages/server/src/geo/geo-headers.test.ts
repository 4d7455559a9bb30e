import { describe, expect, it } from 'vitest'
import { readGeoHeaders } from './geo-headers.ts'

const CLOUDFLARE = { country: 'cf-ipcountry', subdivision: 'cf-region-code' }
const read = (
  init: ConstructorParameters<typeof Headers>[0],
  names: { country: string; subdivision?: string } = CLOUDFLARE
) => readGeoHeaders(new Headers(init), names)

describe('readGeoHeaders', () => {
  it('should read the country and the subdivision, as US-CA or as CA (Cloudflare)', () => {
    expect(read({ 'cf-ipcountry': 'JP' })).toEqual({ country: 'JP' })
    expect(read({ 'cf-ipcountry': 'US', 'cf-region-code': 'CA' })).toEqual({
      country: 'US',
      subdivision: 'US-CA',
    })
    expect(read({ 'cf-ipcountry': 'US', 'cf-region-code': 'US-CA' })).toEqual({
      country: 'US',
      subdivision: 'US-CA',
    })
    expect(read({ 'CloudFront-Viewer-Country': 'DE' }, { country: 'cloudfront-viewer-country' })).toEqual({
      country: 'DE',
    })
  })

  it('should fix lower case and spaces', () => {
    expect(read({ 'cf-ipcountry': ' us ', 'cf-region-code': 'ca' })).toEqual({
      country: 'US',
      subdivision: 'US-CA',
    })
    expect(read({ 'cf-ipcountry': 'jp', 'cf-region-code': 'jp-13' })).toEqual({
      country: 'JP',
      subdivision: 'JP-13',
    })
  })

  it('should take a bad country as unknown, never failing: reserved, malformed, repeated, empty', () => {
    // The last: UTF-8 for 日 as Node reads a header's raw bytes.
    // biome-ignore format: a list of values
    const values = ['XX', 'T1', 'EU', 'ZZ', 'USA', 'U', '', '  ', 'US,US', 'US, DE', 'J P', 'J-P', '\u00e6\u0097\u00a5']
    for (const value of values) {
      expect(read({ 'cf-ipcountry': value }), JSON.stringify(value)).toEqual({})
    }
    expect(read({})).toEqual({})
    // The same header sent twice reaches the server joined: `US, US`.
    const twice = new Headers()
    twice.append('cf-ipcountry', 'US')
    twice.append('cf-ipcountry', 'US')
    expect(readGeoHeaders(twice, CLOUDFLARE)).toEqual({})
  })

  it('should drop a bad subdivision and keep the country', () => {
    for (const value of ['ZZ', 'CA,CA', 'JP-13', 'US-', '-CA', 'CALIF', '']) {
      expect(read({ 'cf-ipcountry': 'US', 'cf-region-code': value }), value).toEqual({ country: 'US' })
    }
  })

  it('should take the country from a full subdivision code when the country header says nothing', () => {
    expect(read({ 'cf-region-code': 'US-CA' })).toEqual({ country: 'US', subdivision: 'US-CA' })
    expect(read({ 'cf-ipcountry': 'XX', 'cf-region-code': 'US-TX' })).toEqual({
      country: 'US',
      subdivision: 'US-TX',
    })
    expect(read({ 'cf-region-code': 'CA' })).toEqual({})
  })

  it('should read no subdivision without a subdivision header name', () => {
    expect(read({ 'cf-ipcountry': 'US', 'cf-region-code': 'CA' }, { country: 'cf-ipcountry' })).toEqual({
      country: 'US',
    })
  })
})
