import { describe, expect, it } from 'vitest'
import { DEMO_SITE_CONFIG } from './demo-config.ts'
import { renderDisclosureHtml } from './disclosure.ts'
import { siteConfigSchema } from './site-config.ts'

const config = siteConfigSchema.parse(DEMO_SITE_CONFIG)

describe('renderDisclosureHtml', () => {
  it('should list each vendor with recipient, information sent and use in Japanese (JP-02)', () => {
    const html = renderDisclosureHtml(config, 'ja', {
      revision: { number: 3, publishedAt: '2026-11-25T00:00:00Z' },
    })
    expect(html).toContain('利用者情報の外部送信について')
    expect(html).toContain('<h3>Google AdSense</h3>')
    expect(html).toContain('Google LLC（米国）')
    expect(html).toContain('送信される情報の内容')
    expect(html).toContain('行動ターゲティング広告')
    expect(html).toContain('<dd>広告</dd>')
    expect(html).toContain('<code>__gads</code>')
    expect(html).toContain('リビジョン 3')
    // On the site's own page the gate opens the preferences from this link.
    expect(html).toContain('<a href="#" data-torii-open>Cookie設定を変更する</a>')
    expect(renderDisclosureHtml(config, 'ja', { changeLink: false })).not.toContain('data-torii-open')
  })

  it('should render English and escape what admins typed', () => {
    const evil = structuredClone(config)
    evil.vendors[0]!.name = '<img src=x onerror=alert(1)>'
    evil.vendors[0]!.privacyPolicyUrl = 'javascript:alert(1)' as string
    const html = renderDisclosureHtml(evil, 'en')
    expect(html).toContain('Information sent to third parties')
    expect(html).toContain('Google LLC (United States)')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('href="javascript:')
  })

  it('should state no purpose the site does not have: an analytics-only site never mentions ads', () => {
    const analyticsOnly = structuredClone(config)
    analyticsOnly.vendors = analyticsOnly.vendors.filter((vendor) => !vendor.purposes.includes('advertising'))
    analyticsOnly.purposes = analyticsOnly.purposes.filter((purpose) => purpose.key !== 'advertising')
    expect(renderDisclosureHtml(analyticsOnly, 'ja')).not.toMatch(/広告/)
    expect(renderDisclosureHtml(analyticsOnly, 'en')).not.toMatch(/\bads?\b|advertis/i)
    // Each vendor's purpose on this site is still given.
    expect(renderDisclosureHtml(analyticsOnly, 'en')).toContain('Purpose on this site')
  })
})
