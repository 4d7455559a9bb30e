import type { Vendor } from './site-config.ts'

/** A vendor preset: a ready vendor whose `purposes` are the suggested ones, editable after adding. */
export type CatalogVendor = Vendor & { category: 'analytics' | 'advertising' | 'embed' | 'tag-manager' }

const GOOGLE_PRIVACY = 'https://policies.google.com/privacy'
const GOOGLE_LLC = { ja: 'Google LLC（米国）', en: 'Google LLC (United States)' }

/** Vendor presets admins add with one click; texts are ours, in Japanese and English. */
export const VENDOR_CATALOG: CatalogVendor[] = [
  {
    key: 'google-analytics',
    name: 'Google Analytics 4',
    category: 'analytics',
    purposes: ['analytics'],
    hosts: ['www.googletagmanager.com', '*.google-analytics.com', '*.analytics.google.com'],
    cookies: [
      {
        name: '_ga',
        retention: { ja: '2年', en: '2 years' },
        description: { ja: '訪問者を区別するためのID', en: 'Tells visitors apart' },
      },
      {
        name: '_ga_*',
        retention: { ja: '2年', en: '2 years' },
        description: { ja: 'セッションの状態を保持', en: 'Keeps the session state' },
      },
    ],
    privacyPolicyUrl: GOOGLE_PRIVACY,
    optOutUrl: 'https://tools.google.com/dlpage/gaoptout',
    recipient: GOOGLE_LLC,
    dataSent: {
      ja: 'Cookie ID（クライアントID）、閲覧したページのURL、参照元URL、IPアドレス、ブラウザ・端末の情報、ページ上の操作（イベント）',
      en: 'Cookie ID (client ID), URL of the page viewed, referrer, IP address, browser and device information, events on the page',
    },
    use: {
      ja: 'サイトの利用状況の分析とサービスの改善',
      en: 'Analysing how the site is used, to improve it',
    },
  },
  {
    key: 'google-adsense',
    name: 'Google AdSense',
    category: 'advertising',
    purposes: ['advertising'],
    hosts: [
      'pagead2.googlesyndication.com',
      '*.googlesyndication.com',
      '*.doubleclick.net',
      'adservice.google.com',
      '*.adtrafficquality.google',
    ],
    cookies: [
      {
        name: '__gads',
        retention: { ja: '13か月', en: '13 months' },
        description: { ja: '広告の表示回数と効果の測定', en: 'Counts ad views and measures their effect' },
      },
      {
        name: '__gpi',
        retention: { ja: '13か月', en: '13 months' },
        description: { ja: '広告の表示と頻度の管理', en: 'Serves ads and limits how often they repeat' },
      },
      {
        name: '__eoi',
        retention: { ja: '6か月', en: '6 months' },
        description: { ja: '不正行為の防止', en: 'Prevents ad fraud' },
      },
      {
        name: '_gcl_*',
        retention: { ja: '90日', en: '90 days' },
        description: { ja: '広告クリックからの成果の測定', en: 'Measures conversions from ad clicks' },
      },
    ],
    privacyPolicyUrl: 'https://policies.google.com/technologies/ads',
    optOutUrl: 'https://adssettings.google.com',
    recipient: GOOGLE_LLC,
    dataSent: {
      ja: 'Cookie ID・広告ID、閲覧したページのURL、IPアドレス、ブラウザ・端末の情報、広告の表示とクリックの履歴',
      en: 'Cookie and advertising IDs, URL of the page viewed, IP address, browser and device information, ad views and clicks',
    },
    use: {
      ja: '広告の配信、興味・関心に基づく広告（行動ターゲティング広告）、広告効果の測定、不正防止',
      en: 'Serving ads, ads based on interests (behavioural advertising), measuring ad performance, preventing fraud',
    },
  },
]

/** Looks a preset up by key. */
export function findCatalogVendor(key: string): CatalogVendor | undefined {
  return VENDOR_CATALOG.find((vendor) => vendor.key === key)
}
