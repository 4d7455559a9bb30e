import { siteConfigSchema, vendorSchema } from '@torii/schema'
import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
import { urlMatchesPattern } from '@torii/schema/host-pattern'
import { VENDOR_CATALOG } from '@torii/schema/vendor-catalog'
import { describe, expect, it } from 'vitest'
import { createVendorMatcher } from './vendor-matcher.ts'
import { cookieNameMatches } from './vendor-pattern.ts'

const config = siteConfigSchema.parse(DEMO_SITE_CONFIG)

describe('the scanner vendor patterns', () => {
  it('matches hosts as the gate does, and a path prefix when the pattern has one', () => {
    expect(urlMatchesPattern('*.x.com', new URL('https://a.x.com/p'))).toBe(true)
    expect(urlMatchesPattern('*.x.com', new URL('https://evilx.com/'))).toBe(false)
    expect(urlMatchesPattern('x.com', new URL('https://www.x.com/'))).toBe(false)
    const gtm = 'www.googletagmanager.com/gtag/js?id=AW-'
    expect(urlMatchesPattern(gtm, new URL('https://www.googletagmanager.com/gtag/js?id=AW-1'))).toBe(true)
    expect(urlMatchesPattern(gtm, new URL('https://www.googletagmanager.com/gtag/js?id=G-1'))).toBe(false)
  })

  it('matches cookie names exactly or by a trailing-* prefix', () => {
    expect(cookieNameMatches('_ga_*', '_ga_ABC')).toBe(true)
    expect(cookieNameMatches('_ga', '_ga_ABC')).toBe(false)
    expect(cookieNameMatches('_ga', '_ga')).toBe(true)
  })
})

describe('createVendorMatcher', () => {
  it('prefers the config: a declared vendor is declared, with its necessity from the required purposes', () => {
    const matcher = createVendorMatcher({ catalog: VENDOR_CATALOG, config })
    expect(matcher.ofCookieName('_ga_XYZ')).toMatchObject({
      key: 'google-analytics',
      declared: true,
      necessary: false,
    })
    expect(matcher.ofUrl(new URL('https://connect.facebook.net/en_US/fbevents.js'))).toMatchObject({
      key: 'meta-pixel',
      declared: false,
    })
    expect(matcher.ofUrl(new URL('https://cdn.example.org/x.js'))).toBeUndefined()
  })

  it('gives an undeclared vendor its catalog entry as a Vendor, ready for the draft', () => {
    const matcher = createVendorMatcher({ catalog: VENDOR_CATALOG })
    const meta = matcher.byKey('meta-pixel')!
    expect(meta.entry).toBeDefined()
    expect(meta.entry).not.toHaveProperty('category')
    expect(vendorSchema.safeParse(meta.entry).success).toBe(true)
  })

  it('recognises a cookie by its name, else by the script that set it, else a third party by its domain', () => {
    const matcher = createVendorMatcher({ catalog: VENDOR_CATALOG })
    const first = { name: 'uid', domain: 'www.x.jp', party: 'first' as const }
    expect(matcher.ofCookie({ ...first, name: '_fbp' })?.key).toBe('meta-pixel')
    expect(matcher.ofCookie(first, new URL('https://static.hotjar.com/c/hotjar-1.js'))?.key).toBe('hotjar')
    expect(matcher.ofCookie(first)).toBeUndefined()
    expect(matcher.ofCookie({ name: 'uid', domain: '.clarity.ms', party: 'third' })?.key).toBe(
      'microsoft-clarity'
    )
  })

  it('matches a pattern naming a query on the full URL', () => {
    const ads = { ...VENDOR_CATALOG[0]!, key: 'ads-tag', hosts: ['www.googletagmanager.com/gtag/js?id=AW-'] }
    const matcher = createVendorMatcher({ catalog: [ads] })
    expect(matcher.ofUrl(new URL('https://www.googletagmanager.com/gtag/js?id=AW-123'))?.key).toBe('ads-tag')
    expect(matcher.ofUrl(new URL('https://www.googletagmanager.com/gtag/js?id=G-123'))).toBeUndefined()
  })

  it('counts a vendor necessary when all its purposes are required ones', () => {
    const necessaryOnly = siteConfigSchema.parse({
      ...DEMO_SITE_CONFIG,
      vendors: [{ ...config.vendors[0]!, purposes: ['necessary'] }],
    })
    const matcher = createVendorMatcher({ catalog: VENDOR_CATALOG, config: necessaryOnly })
    expect(matcher.ofCookieName('_ga')).toMatchObject({ declared: true, necessary: true })
  })
})
