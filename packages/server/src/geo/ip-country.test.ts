import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Reader } from 'mmdb-lib'
import { describe, expect, it } from 'vitest'
import { recordingLogger } from '../testing/recording-logger.ts'
import { createIpCountryLookup, embeddedIpDatabasePath } from './ip-country.ts'
import { lookupAddress } from './lookup-address.ts'

describe('lookupAddress', () => {
  it('should keep public addresses, IPv4-mapped IPv6 as IPv4, and drop zone ids (mmdb-lib reads any IPv6 form)', () => {
    expect(lookupAddress('133.242.0.1')).toBe('133.242.0.1')
    expect(lookupAddress(' 2001:4860:4860::8888 ')).toBe('2001:4860:4860::8888')
    expect(lookupAddress('::ffff:133.242.0.1')).toBe('133.242.0.1')
    expect(lookupAddress('::FFFF:85f2:1')).toBe('133.242.0.1')
    expect(lookupAddress('0:0:0:0:0:ffff:133.242.0.1')).toBe('133.242.0.1')
    expect(lookupAddress('2001:4860:4860:0:0:0:0:8888%eth0')).toBe('2001:4860:4860:0:0:0:0:8888')
  })

  it('should drop what is nobody`s place: private, loopback, link-local, CGN, documentation, multicast', () => {
    for (const address of [
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.1.1',
      '100.64.0.1',
      '0.0.0.0',
      '192.0.2.1',
      '198.51.100.7',
      '203.0.113.7',
      '224.0.0.1',
      '255.255.255.255',
      '::ffff:10.0.0.1',
      '::',
      '::1',
      'fe80::1%eth0',
      'fc00::1',
      'fd12:3456::1',
      '2001:db8::1',
      'ff02::1',
    ]) {
      expect(lookupAddress(address), address).toBeNull()
    }
  })

  it('should drop what is not an address', () => {
    for (const address of [
      null,
      undefined,
      '',
      'garbage',
      '1.2.3',
      '1.2.3.4.5',
      '999.1.1.1',
      '[::1]',
      '1.2.3.4:80',
    ]) {
      expect(lookupAddress(address), String(address)).toBeNull()
    }
  })
})

describe('createIpCountryLookup (the embedded database)', () => {
  it('should find countries for IPv4 and IPv6, and load the database once, on the first lookup', () => {
    const lines: string[] = []
    const lookup = createIpCountryLookup({ logger: recordingLogger(lines) })
    expect(lines).toEqual([])
    expect(lookup.country('133.242.0.1')).toBe('JP')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /^geo: IP database .*geo-whois-asn-country\.mmdb loaded \(built \d{4}-\d\d-\d\d, 7\.8 MB, \d+ ms\)$/
    )
    expect(lookup.country('8.8.8.8')).toBe('US')
    expect(lookup.country('81.2.69.160')).toBe('GB')
    expect(lookup.country('2001:4860:4860::8888')).toBe('US')
    expect(lookup.country('2001:67c:2e8::1')).toBe('NL')
    expect(lookup.country('::ffff:133.242.0.1')).toBe('JP')
    expect(lines).toHaveLength(1)
  })

  it('should give undefined for addresses it cannot place, documentation ranges included', () => {
    const lookup = createIpCountryLookup()
    for (const address of ['10.0.0.1', '127.0.0.1', '::1', '203.0.113.7', '2001:db8::1', 'garbage', null]) {
      expect(lookup.country(address), String(address)).toBeUndefined()
    }
  })

  it('should say once that a database file is missing, and place nobody', () => {
    const lines: string[] = []
    const path = join(mkdtempSync(join(tmpdir(), 'torii-geo-')), 'none.mmdb')
    const lookup = createIpCountryLookup({ path, logger: recordingLogger(lines) })
    expect(lookup.country('133.242.0.1')).toBeUndefined()
    expect(lookup.country('8.8.8.8')).toBeUndefined()
    expect(lines).toEqual([
      `geo: the IP database ${path} is missing: visitors without a geo header get the default region rule`,
    ])
  })

  it('should say that a file is not a database, and place nobody', () => {
    const lines: string[] = []
    const path = join(mkdtempSync(join(tmpdir(), 'torii-geo-')), 'bad.mmdb')
    writeFileSync(path, 'not an mmdb file')
    const lookup = createIpCountryLookup({ path, logger: recordingLogger(lines) })
    expect(lookup.country('133.242.0.1')).toBeUndefined()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^geo: the IP database ${path} cannot be read \\(.+\\): visitors`))
  })

  it('should say once that lookups fail in a damaged database, and place nobody', () => {
    const bytes = Buffer.from(readFileSync(embeddedIpDatabasePath()!))
    // The data section (the country records) lies between the search tree and the metadata marker.
    const dataStart = new Reader(bytes).metadata.searchTreeSize + 16
    bytes.fill(0xff, dataStart, bytes.lastIndexOf(Buffer.from('\xab\xcd\xefMaxMind.com', 'latin1')))
    const path = join(mkdtempSync(join(tmpdir(), 'torii-geo-')), 'damaged.mmdb')
    writeFileSync(path, bytes)
    const lines: string[] = []
    const lookup = createIpCountryLookup({ path, logger: recordingLogger(lines) })
    expect(lookup.country('133.242.0.1')).toBeUndefined()
    expect(lookup.country('8.8.8.8')).toBeUndefined()
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^geo: a lookup in the IP database failed \(.+\): such visitors get the default region rule$/
      ),
    ])
  })

  it('should find the embedded database in its package', () => {
    expect(embeddedIpDatabasePath()).toMatch(
      /@ip-location-db\/geo-whois-asn-country-mmdb\/geo-whois-asn-country\.mmdb$/
    )
  })
})
