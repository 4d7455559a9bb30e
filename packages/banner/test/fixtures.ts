import type { GateConfig } from '../src/gate/types.ts'

/** A gate config like the demo site's: necessary (required), analytics, advertising (GPC), GA and AdSense. */
export function demoConfig(): GateConfig {
  return {
    siteId: 'xtra',
    revision: 3,
    // [key, consentTypes, required, gpcDenies]
    purposes: [
      ['necessary', ['security_storage'], true, false],
      ['analytics', ['analytics_storage'], false, false],
      ['advertising', ['ad_storage', 'ad_user_data', 'ad_personalization'], false, true],
    ],
    // [key, purposes, hosts]
    vendors: [
      ['google-analytics', ['analytics'], ['www.googletagmanager.com', '*.google-analytics.com']],
      ['google-adsense', ['advertising'], ['pagead2.googlesyndication.com', '*.doubleclick.net']],
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
