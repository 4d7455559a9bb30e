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
    // gtag.js of a GA4 measurement id only: gtm.js is Google Tag Manager's (its own entry).
    hosts: ['www.googletagmanager.com/gtag/js?id=G-', '*.google-analytics.com', '*.analytics.google.com'],
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
  {
    key: 'google-tag-manager',
    name: 'Google Tag Manager',
    category: 'tag-manager',
    // Loaded before consent (docs/gtm.md): under the site's required purpose, the container runs under Consent
    // Mode defaults; the admin offers holding it instead (an optional purpose).
    purposes: ['necessary'],
    hosts: ['www.googletagmanager.com/gtm.js', 'www.googletagmanager.com/ns.html'],
    // The container script sets no cookies itself; the tags it loads are listed as their own vendors.
    cookies: [],
    privacyPolicyUrl: GOOGLE_PRIVACY,
    recipient: GOOGLE_LLC,
    dataSent: {
      ja: 'IPアドレス、ブラウザ・端末の情報、閲覧したページのURL、参照元URL（タグを読み込む際に送信されます）',
      en: 'IP address, browser and device information, URL of the page viewed, referrer (sent when the tags are loaded)',
    },
    use: {
      ja: 'サイトに設置したタグ（計測・広告のプログラム）の配信と管理',
      en: 'Delivering and managing the tags (measurement and advertising code) placed on the site',
    },
  },
  {
    key: 'google-ads',
    name: 'Google Ads',
    category: 'advertising',
    purposes: ['advertising'],
    hosts: ['www.googleadservices.com', 'googleads.g.doubleclick.net', 'ad.doubleclick.net'],
    cookies: [
      {
        name: '_gcl_au',
        retention: { ja: '90日', en: '90 days' },
        description: {
          ja: '広告のクリックと成果（コンバージョン）を結び付ける',
          en: 'Links ad clicks to conversions',
        },
      },
      {
        name: '_gcl_aw',
        retention: { ja: '90日', en: '90 days' },
        description: { ja: '広告クリックの情報を保持', en: 'Keeps the ad click information' },
      },
      {
        name: 'IDE',
        retention: { ja: '13か月（doubleclick.net のCookie）', en: '13 months (a doubleclick.net cookie)' },
        description: { ja: '広告の配信と効果の測定', en: 'Serves ads and measures their effect' },
      },
    ],
    privacyPolicyUrl: 'https://policies.google.com/technologies/ads',
    optOutUrl: 'https://adssettings.google.com',
    recipient: GOOGLE_LLC,
    dataSent: {
      ja: 'Cookie ID・広告ID、閲覧したページのURL、参照元URL、IPアドレス、ブラウザ・端末の情報、広告のクリックと成果（申込み・購入など）',
      en: 'Cookie and advertising IDs, URL of the page viewed, referrer, IP address, browser and device information, ad clicks and conversions (sign-ups, purchases)',
    },
    use: {
      ja: '広告の成果の測定、リマーケティング（サイトを訪れた方への広告配信）、広告の最適化',
      en: 'Measuring ad conversions, remarketing (ads to people who visited the site), optimising ads',
    },
  },
  {
    key: 'meta-pixel',
    name: 'Meta Pixel',
    category: 'advertising',
    purposes: ['advertising'],
    hosts: ['connect.facebook.net', 'www.facebook.com'],
    cookies: [
      {
        name: '_fbp',
        retention: { ja: '90日', en: '90 days' },
        description: {
          ja: 'ブラウザを識別し、広告の成果を測定',
          en: 'Identifies the browser to measure ad results',
        },
      },
      {
        name: '_fbc',
        retention: { ja: '90日', en: '90 days' },
        description: { ja: 'Meta広告のクリック情報を保持', en: 'Keeps the click on a Meta ad' },
      },
      {
        name: 'fr',
        retention: { ja: '90日（facebook.com のCookie）', en: '90 days (a facebook.com cookie)' },
        description: { ja: '広告の配信と効果の測定', en: 'Serves ads and measures their effect' },
      },
    ],
    privacyPolicyUrl: 'https://www.facebook.com/privacy/policy/',
    optOutUrl: 'https://accountscenter.facebook.com/ad_preferences',
    recipient: { ja: 'Meta Platforms, Inc.（米国）', en: 'Meta Platforms, Inc. (United States)' },
    dataSent: {
      ja: 'Cookie ID、閲覧したページのURL、参照元URL、IPアドレス、ブラウザ・端末の情報、ページ上の操作（購入・申込みなどのイベント）',
      en: 'Cookie ID, URL of the page viewed, referrer, IP address, browser and device information, actions on the page (events such as purchases and sign-ups)',
    },
    use: {
      ja: 'Facebook・Instagramでの広告の成果の測定、広告の配信先の最適化、興味・関心に基づく広告',
      en: 'Measuring ad results on Facebook and Instagram, optimising who sees ads, ads based on interests',
    },
  },
  {
    key: 'youtube',
    name: 'YouTube embeds',
    category: 'embed',
    purposes: ['advertising'],
    hosts: ['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com', 's.ytimg.com'],
    cookies: [
      {
        name: 'YSC',
        retention: {
          ja: 'ブラウザを閉じるまで（youtube.com のCookie）',
          en: 'Until the browser closes (a youtube.com cookie)',
        },
        description: { ja: '動画の再生状況の記録', en: 'Records video plays' },
      },
      {
        name: 'VISITOR_INFO1_LIVE',
        retention: { ja: '6か月（youtube.com のCookie）', en: '6 months (a youtube.com cookie)' },
        description: { ja: '回線速度の推定とおすすめ動画', en: 'Estimates bandwidth and recommends videos' },
      },
      {
        name: 'VISITOR_PRIVACY_METADATA',
        retention: { ja: '6か月（youtube.com のCookie）', en: '6 months (a youtube.com cookie)' },
        description: { ja: '同意の状態の保持', en: 'Keeps the consent state' },
      },
    ],
    privacyPolicyUrl: GOOGLE_PRIVACY,
    optOutUrl: 'https://adssettings.google.com',
    recipient: GOOGLE_LLC,
    dataSent: {
      ja: 'Cookie ID、動画を埋め込んだページのURL、IPアドレス、ブラウザ・端末の情報、動画の再生と操作',
      en: 'Cookie ID, URL of the page with the video, IP address, browser and device information, video plays and interactions',
    },
    use: {
      ja: '動画の配信、再生状況の分析、おすすめ動画と広告の表示（興味・関心に基づくものを含む）',
      en: 'Serving videos, analysing plays, showing recommendations and ads (including interest-based ones)',
    },
  },
  {
    key: 'x-twitter',
    name: 'X (Twitter) embeds',
    category: 'embed',
    purposes: ['advertising'],
    hosts: ['platform.twitter.com', 'syndication.twitter.com', 'cdn.syndication.twimg.com'],
    cookies: [
      {
        name: 'guest_id',
        retention: { ja: '2年（x.com のCookie）', en: '2 years (an x.com cookie)' },
        description: {
          ja: 'ログインしていない閲覧者の識別',
          en: 'Identifies a visitor who is not logged in',
        },
      },
      {
        name: 'personalization_id',
        retention: { ja: '2年（x.com のCookie）', en: '2 years (an x.com cookie)' },
        description: { ja: '広告とコンテンツの個人化', en: 'Personalises ads and content' },
      },
      {
        name: 'muc_ads',
        retention: { ja: '2年（x.com のCookie）', en: '2 years (an x.com cookie)' },
        description: { ja: '広告の配信と効果の測定', en: 'Serves ads and measures their effect' },
      },
    ],
    privacyPolicyUrl: 'https://x.com/privacy',
    recipient: { ja: 'X Corp.（米国）', en: 'X Corp. (United States)' },
    dataSent: {
      ja: 'Cookie ID、ポストを埋め込んだページのURL、IPアドレス、ブラウザ・端末の情報、埋め込みへの操作',
      en: 'Cookie ID, URL of the page with the post, IP address, browser and device information, interactions with the embed',
    },
    use: {
      ja: 'ポストの表示、利用状況の分析、広告とコンテンツの個人化',
      en: 'Showing posts, analysing use, personalising ads and content',
    },
  },
  {
    key: 'microsoft-clarity',
    name: 'Microsoft Clarity',
    category: 'analytics',
    purposes: ['analytics'],
    hosts: ['www.clarity.ms', '*.clarity.ms'],
    cookies: [
      {
        name: '_clck',
        retention: { ja: '1年', en: '1 year' },
        description: { ja: '訪問者を区別するためのID', en: 'Tells visitors apart' },
      },
      {
        name: '_clsk',
        retention: { ja: '1日', en: '1 day' },
        description: {
          ja: '複数のページ閲覧を一つのセッションにまとめる',
          en: 'Joins page views into one session',
        },
      },
      {
        name: 'CLID',
        retention: { ja: '1年（clarity.ms のCookie）', en: '1 year (a clarity.ms cookie)' },
        description: { ja: 'サイトをまたいで訪問者を区別', en: 'Tells visitors apart across sites' },
      },
    ],
    privacyPolicyUrl: 'https://privacy.microsoft.com/privacystatement',
    recipient: { ja: 'Microsoft Corporation（米国）', en: 'Microsoft Corporation (United States)' },
    dataSent: {
      ja: 'Cookie ID、閲覧したページのURL、参照元URL、IPアドレス、ブラウザ・端末の情報、マウスの動き・クリック・スクロールなどページ上の操作',
      en: 'Cookie ID, URL of the page viewed, referrer, IP address, browser and device information, actions on the page such as mouse movements, clicks and scrolling',
    },
    use: {
      ja: 'ヒートマップと操作の録画（セッション録画）によるサイトの利用状況の分析と改善',
      en: 'Analysing and improving how the site is used, with heatmaps and session recordings',
    },
  },
  {
    key: 'hotjar',
    name: 'Hotjar',
    category: 'analytics',
    purposes: ['analytics'],
    hosts: ['static.hotjar.com', 'script.hotjar.com', '*.hotjar.com', '*.hotjar.io'],
    cookies: [
      {
        name: '_hjSessionUser_*',
        retention: { ja: '1年', en: '1 year' },
        description: { ja: '訪問者を区別するためのID', en: 'Tells visitors apart' },
      },
      {
        name: '_hjSession_*',
        retention: { ja: '30分', en: '30 minutes' },
        description: { ja: '現在のセッションの情報を保持', en: 'Keeps the current session' },
      },
    ],
    privacyPolicyUrl: 'https://www.hotjar.com/legal/policies/privacy/',
    recipient: { ja: 'Hotjar Ltd.（マルタ）', en: 'Hotjar Ltd. (Malta)' },
    dataSent: {
      ja: 'Cookie ID、閲覧したページのURL、IPアドレス（一部を伏せて処理）、ブラウザ・端末の情報、マウスの動き・クリック・スクロールなどページ上の操作、アンケートの回答',
      en: 'Cookie ID, URL of the page viewed, IP address (processed with part of it hidden), browser and device information, actions on the page such as mouse movements, clicks and scrolling, survey answers',
    },
    use: {
      ja: 'ヒートマップ、操作の録画、アンケートによるサイトの利用状況の分析と改善',
      en: 'Analysing and improving how the site is used, with heatmaps, recordings and surveys',
    },
  },
]

/** Looks a preset up by key. */
export function findCatalogVendor(key: string): CatalogVendor | undefined {
  return VENDOR_CATALOG.find((vendor) => vendor.key === key)
}
