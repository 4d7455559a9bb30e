import type { SiteConfig } from '@torii/schema'
import type { FieldErrors } from '../api/index.ts'

const REQUIRED = 'is required'

/**
 * Checks the contract schema leaves to the admin: every site language has the disclosure texts
 * (JP-02: recipient, information sent, purpose of use) and each cookie's retention.
 */
export function checkDisclosure(config: SiteConfig): FieldErrors {
  const errors: FieldErrors = {}
  config.vendors.forEach((vendor, i) => {
    for (const language of config.languages) {
      for (const field of ['recipient', 'dataSent', 'use'] as const) {
        if (!vendor[field]?.[language]?.trim()) errors[`vendors.${i}.${field}.${language}`] = REQUIRED
      }
      vendor.cookies.forEach((cookie, j) => {
        if (!cookie.retention?.[language]?.trim())
          errors[`vendors.${i}.cookies.${j}.retention.${language}`] = REQUIRED
      })
    }
  })
  return errors
}

/** Something publishing would put live that the site owner should know of; said, not blocking. */
export interface PublishWarning {
  key:
    | 'publish.warnNoPrivacyUrl'
    | 'publish.warnPrivacyUrl'
    | 'publish.warnBuiltInText'
    | 'publish.warnListText'
  params?: Record<string, string>
}

/** Words that point at a list on the page: the first layer lists no purposes (they are in "Customize"). */
const LIST_REFERENCE = /\b(below|following|listed)\b|以下|下記|次の/i

/**
 * What the banner would show amiss: no privacy policy link (for some languages, another language's), and a
 * first-layer text that speaks of a list the first layer does not show (every built-in text does: "for the
 * purposes below").
 */
export function publishWarnings(config: SiteConfig): PublishWarning[] {
  const warnings: PublishWarning[] = []
  const withUrl = config.languages.filter((language) => config.privacyPolicyUrl[language]?.trim())
  if (withUrl.length === 0) warnings.push({ key: 'publish.warnNoPrivacyUrl' })
  else if (withUrl.length < config.languages.length) {
    const missing = config.languages.filter((language) => !withUrl.includes(language))
    warnings.push({ key: 'publish.warnPrivacyUrl', params: { languages: missing.join(', ') } })
  }
  for (const language of config.languages) {
    const own = config.texts[language]?.description?.trim()
    if (!own) warnings.push({ key: 'publish.warnBuiltInText', params: { language } })
    else if (LIST_REFERENCE.test(own)) warnings.push({ key: 'publish.warnListText', params: { language } })
  }
  return warnings
}
