import type { SiteConfigInput, Vendor } from './site-config.ts'
import { catalogVendorToVendor, findCatalogVendor } from './vendor-catalog.ts'

/** The demo site's id: the seeded site modelled on Xtra Corporation. */
export const DEMO_SITE_ID = 'xtra'

function presetVendor(key: string): Vendor {
  return catalogVendorToVendor(findCatalogVendor(key)!)
}

/** The demo site's config, seeded in demo mode: necessary, analytics and advertising, with GA4 and AdSense. */
export const DEMO_SITE_CONFIG: SiteConfigInput = {
  languages: ['ja', 'en'],
  defaultLanguage: 'ja',
  privacyPolicyUrl: { ja: '/demo/privacy.html', en: '/demo/en/privacy.html' },
  purposes: [
    {
      key: 'necessary',
      required: true,
      consentTypes: ['security_storage'],
      name: { ja: '必須', en: 'Strictly necessary' },
      description: {
        ja: 'サイトの表示、お問い合わせフォームの送信、同意の記録など、サイトが動くために欠かせないものです。',
        en: 'What the site cannot work without: showing pages, sending the inquiry form, remembering this choice.',
      },
    },
    {
      key: 'analytics',
      consentTypes: ['analytics_storage'],
      name: { ja: 'アクセス解析', en: 'Analytics' },
      description: {
        ja: 'どのページがどのように使われているかを測り、サイトを改善するために使います。',
        en: 'Measures which pages are used and how, so we can improve the site.',
      },
    },
    {
      key: 'advertising',
      consentTypes: ['ad_storage', 'ad_user_data', 'ad_personalization'],
      gpcDenies: true,
      name: { ja: '広告', en: 'Advertising' },
      description: {
        ja: '広告を表示し、閲覧履歴に基づいて興味・関心に合った広告（行動ターゲティング広告）を配信するために使います。',
        en: 'Shows ads, including ads chosen from your browsing history (behavioural advertising).',
      },
    },
  ],
  vendors: [presetVendor('google-analytics'), presetVendor('google-adsense')],
  texts: {
    ja: {
      title: 'Cookieの利用について',
      description:
        '株式会社エクストラは、サイトの改善と広告のためにCookieを使い、Googleに情報を送信します。同意いただける範囲をお選びください。選択はいつでも変更できます。',
    },
    en: {
      title: 'About cookies on this site',
      description:
        'Xtra Corporation uses cookies and sends information to Google to improve this site and to show ads. Choose what you agree to; you can change it at any time.',
    },
  },
  look: { position: 'bottom', layout: 'bar', floatingButton: true },
  options: { consentDays: 395, refusalDays: 183, consentMode: 'basic' },
  // Issue #15: Japan's external-transmission rule asks for notice, the GDPR (and the UK's and Swiss laws) for
  // opt-in, the US state laws for opt-out of sale/sharing; anywhere else, or with no place known, opt-in.
  regions: [
    { key: 'japan', match: ['JP'], model: 'notice' },
    { key: 'eea-uk-ch', match: ['EEA', 'UK', 'CH'], model: 'opt-in' },
    { key: 'us-privacy', match: ['US-PRIVACY-STATES'], model: 'opt-out' },
    { key: 'default', match: ['*'], model: 'opt-in' },
  ],
}
