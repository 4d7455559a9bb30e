import type { ApiError } from '@torii/schema'

/** Field errors keyed by dotted path (`purposes.0.name.ja`), as the server and the zod schemas name them. */
export type FieldErrors = Record<string, string>

/** A failed admin API call: the server's `{error:{code,message,fields?}}`, or a network failure. */
export class ApiRequestError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: FieldErrors

  constructor(status: number, code: string, message: string, fields: FieldErrors = {}) {
    super(message)
    this.name = 'ApiRequestError'
    this.status = status
    this.code = code
    this.fields = fields
  }
}

/** Maps the server's `fields` list to one message per path (the first one wins). */
export function toFieldErrors(fields: ApiError['error']['fields']): FieldErrors {
  const errors: FieldErrors = {}
  for (const field of fields ?? []) {
    if (field && typeof field.path === 'string' && !(field.path in errors)) errors[field.path] = field.message
  }
  return errors
}

function isApiError(body: unknown): body is ApiError {
  const error = (body as ApiError | null)?.error
  return !!error && typeof error.code === 'string' && typeof error.message === 'string'
}

/** Builds the error for a non-2xx answer, whatever its body was. */
export function errorFromResponse(status: number, body: unknown): ApiRequestError {
  if (isApiError(body)) {
    const fields = Array.isArray(body.error.fields) ? body.error.fields : []
    return new ApiRequestError(status, body.error.code, body.error.message, toFieldErrors(fields))
  }
  return new ApiRequestError(status, `http_${status}`, `The server answered ${status}`)
}
