import type { z } from 'zod'
import type { FieldErrors } from '../api/api-request-error.ts'

/** Turns zod issues into one message per dotted path, the same shape the server sends in `fields`. */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
    if (!(path in errors)) errors[path] = issue.message
  }
  return errors
}

/** The errors under `prefix` (e.g. `vendors.2`), re-keyed relative to it. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(errors)) {
    if (path === prefix) out[''] = message
    else if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message
  }
  return out
}
