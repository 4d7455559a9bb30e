import { describe, expect, it } from 'vitest'
import { vendorOfUrl } from '../src/gate/hosts.ts'
import { demoConfig } from './fixtures.ts'

// The patterns themselves (host, wildcard, path prefix) are tested with the matcher, in
// @torii/schema's host-pattern.test.ts.
describe('vendorOfUrl', () => {
  it('should find the vendor of a URL, relative and odd URLs included', () => {
    const cfg = demoConfig()
    expect(vendorOfUrl(cfg, 'https://www.googletagmanager.com/gtag/js?id=G-1')).toBe('google-analytics')
    expect(vendorOfUrl(cfg, '//region1.google-analytics.com/g/collect')).toBe('google-analytics')
    expect(vendorOfUrl(cfg, 'https://googleads.g.doubleclick.net/x')).toBe('google-adsense')
    expect(vendorOfUrl(cfg, '/local.js')).toBeUndefined()
    expect(vendorOfUrl(cfg, 'https://cdn.example.com/a.js')).toBeUndefined()
    expect(vendorOfUrl(cfg, 'http://[bad')).toBeUndefined()
  })

  it('should give a URL to the vendor whose matching pattern has the longest path', () => {
    const cfg = demoConfig()
    // GA keeps the bare host (as configs made before path patterns do); GTM, added after it, names gtm.js.
    cfg[3].push(['google-tag-manager', ['necessary'], ['www.googletagmanager.com/gtm.js']])
    expect(vendorOfUrl(cfg, 'https://www.googletagmanager.com/gtm.js?id=GTM-X')).toBe('google-tag-manager')
    expect(vendorOfUrl(cfg, 'https://www.googletagmanager.com/gtag/js?id=G-1')).toBe('google-analytics')
    expect(vendorOfUrl(cfg, 'https://www.googletagmanager.com/ns.html?id=GTM-X')).toBe('google-analytics')
  })
})
