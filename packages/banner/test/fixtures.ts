import type { GateConfig } from '../src/gate/types.ts'

/** A gate config like the demo site's: necessary (required), analytics, advertising (GPC), GA and AdSense. */
export function demoConfig(): GateConfig {
  return {
    siteId: 'xtra',
    revision: 3,
    hash: 'f'.repeat(64),
    languages: ['ja', 'en'],
    defaultLanguage: 'ja',
    purposes: [
      { key: 'necessary', required: true, consentTypes: ['security_storage'], gpcDenies: false },
      { key: 'analytics', required: false, consentTypes: ['analytics_storage'], gpcDenies: false },
      {
        key: 'advertising',
        required: false,
        consentTypes: ['ad_storage', 'ad_user_data', 'ad_personalization'],
        gpcDenies: true,
      },
    ],
    vendors: [
      {
        key: 'google-analytics',
        name: 'Google Analytics 4',
        purposes: ['analytics'],
        hosts: ['www.googletagmanager.com', '*.google-analytics.com'],
        cookies: ['_ga', '_ga_*'],
      },
      {
        key: 'google-adsense',
        name: 'Google AdSense',
        purposes: ['advertising'],
        hosts: ['pagead2.googlesyndication.com', '*.doubleclick.net'],
        cookies: ['__gads', '_gcl_*'],
      },
    ],
    options: {
      consentDays: 395,
      refusalDays: 183,
      consentMode: 'basic',
      waitForUpdateMs: 500,
      adsDataRedaction: true,
      urlPassthrough: false,
      floatingButton: true,
    },
    ui: '/assets/ui-test.js',
  }
}
