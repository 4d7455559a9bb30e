import { z } from 'zod'
import { languageSchema } from './language.ts'

/** A site id as used in `/s/:siteId/gate.js`: lower-case letters, digits and dashes. */
export const siteIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be 1 to 63 lower-case letters, digits and dashes')

/** An origin allowed to send receipts: scheme, host and optional port, nothing else. */
export const originSchema = z.string().refine((value) => {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value
  } catch {
    return false
  }
}, 'must be an http(s) origin such as https://www.example.com (no path, no trailing slash)')

/** Whether the runtime knows `name` as a time zone (`Intl` accepts IANA names and their aliases). */
function isTimeZone(name: string): boolean {
  // Names only: Intl in newer runtimes also takes offsets such as `+09:00`, which have no daylight saving rules.
  if (!/^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** The time zone a site's insights count days in: an IANA name such as `Asia/Tokyo`, or `UTC`. */
export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, 'must be an IANA time zone such as Asia/Tokyo, Europe/Berlin or UTC')

/** The time zone of a site created without one. */
export const DEFAULT_TIME_ZONE = 'UTC'

/** `POST /api/admin/sites` body (see `SiteInput` in admin-api.ts). */
export const siteInputSchema = z.strictObject({
  /** URL-safe id used in `/s/:siteId/gate.js`; generated when left out. */
  id: siteIdSchema.optional(),
  name: z.string().trim().min(1, 'is required').max(200),
  /** Origins allowed to POST receipts, e.g. `https://www.example.co.jp`. */
  origins: z.array(originSchema).max(100),
  languages: z.array(languageSchema).min(1, 'at least one language').max(50),
  /** The time zone the admin's insights count days in (default `UTC`). */
  timeZone: timeZoneSchema.optional(),
})

/** `PATCH /api/admin/sites/:siteId` body: any of the fields, the id excepted. */
export const sitePatchSchema = siteInputSchema.omit({ id: true }).partial()
