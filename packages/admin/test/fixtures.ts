import { type SiteConfig, siteConfigSchema } from '@torii/schema'
import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'

/** The demo site's config with defaults applied: what the server's draft route returns. */
export function demoConfig(): SiteConfig {
  return siteConfigSchema.parse(structuredClone(DEMO_SITE_CONFIG))
}

/** The demo config without its region rules: a site opt-in everywhere, as before regions. */
export function configWithoutRules(): SiteConfig {
  const { regions: _regions, ...config } = demoConfig()
  return config
}

/** The demo config without AdSense, as a site that has not added it yet. */
export function configWithoutAdSense(): SiteConfig {
  const config = demoConfig()
  return { ...config, vendors: config.vendors.filter((vendor) => vendor.key !== 'google-adsense') }
}
