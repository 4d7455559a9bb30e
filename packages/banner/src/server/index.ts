// `@torii/banner/server`: for a site's own server, which renders the tags a visitor's `torii` cookie allows
// unheld, so the browser's preload scanner fetches them as early as without a CMP (docs/cookie-format.md).

export type { GateConfig } from '../gate/types.ts'
export {
  allowedByCookie,
  type CookieConsent,
  type CookieConsentOptions,
  EXPIRY_MARGIN_MS,
} from './consent-from-cookie.ts'
export { gateConfigOf, type SiteGateConfig } from './gate-config-of.ts'
