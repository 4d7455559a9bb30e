import type { GateConfig } from '../src/gate/types.ts'

/** A gate config like the demo site's: necessary (required), analytics, advertising (GPC), GA and AdSense. */
export function demoConfig(): GateConfig {
  return {
    siteId: 'xtra',
    revision: 3,
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
        purposes: ['analytics'],
        hosts: ['www.googletagmanager.com', '*.google-analytics.com'],
      },
      {
        key: 'google-adsense',
        purposes: ['advertising'],
        hosts: ['pagead2.googlesyndication.com', '*.doubleclick.net'],
      },
    ],
    options: {
      consentDays: 395,
      refusalDays: 183,
      waitForUpdateMs: 500,
      adsDataRedaction: true,
      urlPassthrough: false,
      floatingButton: true,
    },
    ui: '/assets/ui-test.js',
  }
}
