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

/** `POST /api/admin/sites` body (see `SiteInput` in admin-api.ts). */
export const siteInputSchema = z.strictObject({
  /** URL-safe id used in `/s/:siteId/gate.js`; generated when left out. */
  id: siteIdSchema.optional(),
  name: z.string().trim().min(1, 'is required').max(200),
  /** Origins allowed to POST receipts, e.g. `https://www.example.co.jp`. */
  origins: z.array(originSchema).max(100),
  languages: z.array(languageSchema).min(1, 'at least one language').max(50),
})

/** `PATCH /api/admin/sites/:siteId` body: any of the fields, the id excepted. */
export const sitePatchSchema = siteInputSchema.omit({ id: true }).partial()
