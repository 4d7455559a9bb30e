import { describe, expect, it } from 'vitest'
import { hostMatches, vendorOfUrl } from '../src/gate/hosts.ts'
import { demoConfig } from './fixtures.ts'

describe('host matching', () => {
  it('should match a wildcard host itself and its subdomains, and nothing else', () => {
    expect(hostMatches('*.x.com', 'x.com')).toBe(true)
    expect(hostMatches('*.x.com', 'a.b.x.com')).toBe(true)
    expect(hostMatches('*.x.com', 'evilx.com')).toBe(false)
    expect(hostMatches('*.x.com', 'x.com.evil.net')).toBe(false)
  })

  it('should match a plain host exactly', () => {
    expect(hostMatches('www.x.com', 'www.x.com')).toBe(true)
    expect(hostMatches('www.x.com', 'x.com')).toBe(false)
    expect(hostMatches('www.x.com', 'a.www.x.com')).toBe(false)
  })

  it('should find the vendor of a URL, relative and odd URLs included', () => {
    const cfg = demoConfig()
    expect(vendorOfUrl(cfg, 'https://www.googletagmanager.com/gtag/js?id=G-1')).toBe('google-analytics')
    expect(vendorOfUrl(cfg, '//region1.google-analytics.com/g/collect')).toBe('google-analytics')
    expect(vendorOfUrl(cfg, 'https://googleads.g.doubleclick.net/x')).toBe('google-adsense')
    expect(vendorOfUrl(cfg, '/local.js')).toBeUndefined()
    expect(vendorOfUrl(cfg, 'https://cdn.example.com/a.js')).toBeUndefined()
    expect(vendorOfUrl(cfg, 'http://[bad')).toBeUndefined()
  })
})
