import { describe, expect, it } from 'vitest'
import { urlMatchesPattern, vendorMatchingUrl } from './host-pattern.ts'
import { hostSchema } from './site-config.ts'

const matches = (pattern: string, url: string) => urlMatchesPattern(pattern, new URL(url))

describe('urlMatchesPattern', () => {
  it('should match a wildcard host itself and its subdomains, and nothing else', () => {
    expect(matches('*.x.com', 'https://x.com/')).toBe(true)
    expect(matches('*.x.com', 'https://a.b.x.com/a.js')).toBe(true)
    expect(matches('*.x.com', 'https://evilx.com/')).toBe(false)
    expect(matches('*.x.com', 'https://x.com.evil.net/')).toBe(false)
  })

  it('should match a plain host exactly, whatever the path, port or scheme', () => {
    expect(matches('www.x.com', 'https://www.x.com/a.js?b=1')).toBe(true)
    expect(matches('www.x.com', 'http://WWW.X.COM:8080/')).toBe(true)
    expect(matches('www.x.com', 'https://x.com/')).toBe(false)
    expect(matches('www.x.com', 'https://a.www.x.com/')).toBe(false)
  })

  it('should take a path as a case-sensitive prefix of the path and query', () => {
    const gtm = 'www.googletagmanager.com/gtm.js'
    expect(matches(gtm, 'https://www.googletagmanager.com/gtm.js?id=GTM-ABC')).toBe(true)
    expect(matches(gtm, 'https://www.googletagmanager.com/gtag/js?id=G-1')).toBe(false)
    expect(matches(gtm, 'https://www.googletagmanager.com/GTM.js')).toBe(false)
    expect(matches(gtm, 'https://evil.example/www.googletagmanager.com/gtm.js')).toBe(false)
    const ga4 = 'www.googletagmanager.com/gtag/js?id=G-'
    expect(matches(ga4, 'https://www.googletagmanager.com/gtag/js?id=G-XXXX&l=dataLayer')).toBe(true)
    expect(matches(ga4, 'https://www.googletagmanager.com/gtag/js?id=AW-1')).toBe(false)
    expect(matches(ga4, 'https://www.googletagmanager.com/gtag/js?id=g-xxxx')).toBe(false)
    expect(matches('*.x.com/p/', 'https://cdn.x.com/p/a.js')).toBe(true)
    expect(matches('*.x.com/p/', 'https://cdn.x.com/q/p/a.js')).toBe(false)
  })
})

describe('vendorMatchingUrl', () => {
  const vendors = [
    { key: 'ga-legacy', hosts: ['www.googletagmanager.com', '*.google-analytics.com'] },
    { key: 'gtm', hosts: ['www.googletagmanager.com/gtm.js', 'www.googletagmanager.com/ns.html'] },
    { key: 'ads', hosts: ['www.googletagmanager.com/gtag/js?id=AW-', 'www.googletagmanager.com/gtag/'] },
  ]
  const find = (url: string) => vendorMatchingUrl(vendors, (v) => v.hosts, new URL(url))?.key

  it('should give a URL to the vendor whose matching pattern has the longest path, else the first', () => {
    expect(find('https://www.googletagmanager.com/gtm.js?id=GTM-1')).toBe('gtm')
    expect(find('https://www.googletagmanager.com/gtag/js?id=AW-1')).toBe('ads')
    expect(find('https://www.googletagmanager.com/gtag/js?id=G-1')).toBe('ads')
    expect(find('https://www.googletagmanager.com/other.js')).toBe('ga-legacy')
    expect(find('https://region1.google-analytics.com/g/collect')).toBe('ga-legacy')
    expect(find('https://example.com/gtm.js')).toBeUndefined()
  })
})

describe('hostSchema', () => {
  it.each([
    'www.example.com',
    '*.example.com',
    'www.googletagmanager.com/gtm.js',
    'www.googletagmanager.com/gtag/js?id=G-',
    '*.example.com/static/',
    'cdn.example.com/a%20b.js',
  ])('should accept %s', (pattern) => {
    expect(hostSchema.safeParse(pattern).success).toBe(true)
  })

  it.each([
    ['a host name alone', 'localhost'],
    ['upper case in the host', 'WWW.example.com'],
    ['a scheme', 'https://www.example.com'],
    ['a space in the path', 'www.example.com/a b.js'],
    ['a fragment', 'www.example.com/a.js#x'],
    ['a wildcard inside', 'www.*.example.com'],
    ['a path before the host', '/gtm.js'],
  ])('should reject %s (%s), naming the form it wants', (_what, pattern) => {
    const result = hostSchema.safeParse(pattern)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toContain('optionally followed by a path')
  })
})
