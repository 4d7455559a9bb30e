import { keySchema } from '@torii/schema'
import type { SiteInput } from '@torii/schema/admin-api'
import { siteInputSchema } from '@torii/schema/site-input'
import { z } from 'zod'
import type { FieldErrors } from '../api/index.ts'
import { errorText } from '../i18n/error-text.ts'
import { issuesToFieldErrors } from './field-errors.ts'

/**
 * The contract's site input as the form checks it before sending: an id is a key (whose rule the UI words in
 * both languages) and an origin's error names the form of an origin, which a pasted path most often lacks.
 */
export const siteFormSchema = siteInputSchema.extend({
  id: keySchema.optional(),
  origins: z.array(
    z
      .string()
      .regex(/^https?:\/\/[^/\s?#]+$/, 'must be an origin such as https://www.example.co.jp (no path)')
  ),
})

/** The site form as typed: the lists are one text each; `id` only where a site is created. */
export interface SiteFormText {
  id?: string
  name: string
  origins: string
  languages: string
  /** An IANA name; a new site's starts as the browser's. */
  timeZone: string
}

/** Splits a list typed one per line or separated by commas. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean)
}

/**
 * An origin as browsers send it: what a site owner pastes from the address bar (`HTTPS://Shop.Example/`) is
 * made `https://shop.example`. Anything with a path, query or credentials is left as typed for the check to name.
 */
export function normalizeOrigin(text: string): string {
  try {
    const url = new URL(text)
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
    if (bare && /^https?:$/.test(url.protocol) && /^https?:\/\/[^/]+\/?$/i.test(text)) return url.origin
  } catch {}
  return text
}

/** The allowed origins typed one per line (or separated by commas or spaces), normalized. */
export function splitOrigins(text: string): string[] {
  return splitList(text).map(normalizeOrigin)
}

/** The request body for what was typed: trimmed, lists split, origins normalized, an empty id left out. */
export function toSiteInput(text: SiteFormText): SiteInput {
  const id = text.id?.trim()
  return {
    ...(id ? { id } : {}),
    name: text.name.trim(),
    origins: splitOrigins(text.origins),
    languages: splitList(text.languages),
    timeZone: text.timeZone.trim(),
  }
}

/** Validates the form; the errors use the same paths as the server's. */
export function validateSiteInput(input: SiteInput): FieldErrors {
  const result = siteFormSchema.safeParse(input)
  return result.success ? {} : issuesToFieldErrors(result.error.issues)
}

/**
 * The first error of a list field (`origins.1` → `origins`), naming the item it is about when `items` are
 * given: with several lines, "must be an origin" alone does not say which one.
 */
export function listError(errors: FieldErrors, field: string, items?: string[]): string | undefined {
  const entry = Object.entries(errors).find(([path]) => path === field || path.startsWith(`${field}.`))
  if (!entry) return undefined
  const item = items?.[Number(entry[0].slice(field.length + 1))]
  // Worded here (errorText matches whole messages, so the field cannot word it once the item leads).
  return entry[0] !== field && item !== undefined ? `${item}: ${errorText(entry[1])}` : entry[1]
}
