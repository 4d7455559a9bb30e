import { describe, expect, it } from 'vitest'
import { forwardedAddress, truncateIp } from './ip.ts'

describe('forwardedAddress', () => {
  it('reads an X-Forwarded-For entry with or without the port some proxies append', () => {
    expect(forwardedAddress(' 203.0.113.7 ')).toBe('203.0.113.7')
    expect(forwardedAddress('203.0.113.7:51234')).toBe('203.0.113.7')
    expect(forwardedAddress('2001:db8::1')).toBe('2001:db8::1')
    expect(forwardedAddress('[2001:db8::1]:51234')).toBe('2001:db8::1')
    expect(forwardedAddress('[2001:db8::1]')).toBe('2001:db8::1')
  })

  it('gives null for anything that is not an address', () => {
    for (const entry of [
      undefined,
      '',
      'unknown',
      '999.1.1.1:80',
      '203.0.113.7:',
      'a.b.c.d:80',
      '[nope]:1',
    ]) {
      expect(forwardedAddress(entry), String(entry)).toBeNull()
    }
  })
})

describe('truncateIp', () => {
  it('cuts IPv4 to its /24', () => {
    expect(truncateIp('203.0.113.77')).toBe('203.0.113.0/24')
    expect(truncateIp('10.1.2.255')).toBe('10.1.2.0/24')
  })

  it('cuts IPv6 to its /48, whatever the notation', () => {
    expect(truncateIp('2001:db8:abcd:12:34:56:78:9a')).toBe('2001:db8:abcd::/48')
    expect(truncateIp('2001:0db8:00ab:ffff::1')).toBe('2001:db8:ab::/48')
    expect(truncateIp('2001:db8::1')).toBe('2001:db8:0::/48')
    expect(truncateIp('::1')).toBe('0:0:0::/48')
    expect(truncateIp('fe80::1%eth0')).toBe('fe80:0:0::/48')
  })

  it('treats IPv4-mapped IPv6 as IPv4', () => {
    expect(truncateIp('::ffff:198.51.100.23')).toBe('198.51.100.0/24')
    expect(truncateIp('::ffff:c633:6417')).toBe('198.51.100.0/24')
  })

  it('never keeps what it cannot parse', () => {
    for (const bad of ['', 'localhost', '1.2.3', '999.1.1.1', '1.2.3.4.5', 'gggg::1', null, undefined]) {
      expect(truncateIp(bad)).toBeNull()
    }
  })
})
