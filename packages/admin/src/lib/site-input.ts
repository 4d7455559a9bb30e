import { keySchema, languageSchema } from '@torii/schema'
import type { SiteInput } from '@torii/schema/admin-api'
import { z } from 'zod'
import type { FieldErrors } from '../api/index.ts'
import { issuesToFieldErrors } from './field-errors.ts'

/** A site's id, name, origins and languages as the admin types them. */
export const siteInputSchema = z.object({
  id: keySchema.optional(),
  name: z.string().trim().min(1, 'is required').max(200),
  origins: z.array(
    z
      .string()
      .regex(/^https?:\/\/[^/\s?#]+$/, 'must be an origin such as https://www.example.co.jp (no path)')
  ),
  languages: z.array(languageSchema).min(1, 'at least one language'),
})

/** Splits a list typed one per line or separated by commas. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean)
}

/** Validates the form; the errors use the same paths as the server's. */
export function validateSiteInput(input: SiteInput): FieldErrors {
  const result = siteInputSchema.safeParse(input)
  return result.success ? {} : issuesToFieldErrors(result.error.issues)
}

/** The first error of a list field (`origins.1` → `origins`). */
export function listError(errors: FieldErrors, field: string): string | undefined {
  const entry = Object.entries(errors).find(([path]) => path === field || path.startsWith(`${field}.`))
  return entry?.[1]
}
