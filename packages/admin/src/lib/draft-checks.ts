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
