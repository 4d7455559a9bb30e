/** Google Consent Mode v2 types Torii manages. The first four are the ones Google requires (GCM-03). */
export const CONSENT_TYPES = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const

export type ConsentType = (typeof CONSENT_TYPES)[number]

export type ConsentValue = 'granted' | 'denied'

/** The full Consent Mode state: every managed type has a value (GCM-06: updates always carry all types). */
export type ConsentModeState = Record<ConsentType, ConsentValue>
