import type { ApiError } from '@torii/schema'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'

export type FieldError = { path: string; message: string }

/** The JSON error every route answers: `{ error: { code, message, fields? } }`. */
export function errorBody(code: string, message: string, fields?: FieldError[]): ApiError {
  return { error: fields?.length ? { code, message, fields } : { code, message } }
}

export function errorResponse(
  status: ContentfulStatusCode,
  code: string,
  message: string,
  fields?: FieldError[],
  headers?: Record<string, string>
): Response {
  return Response.json(errorBody(code, message, fields), { status, headers })
}

/** How long a client is asked to wait when the database does not answer. */
export const DATABASE_RETRY_AFTER_SECONDS = 5

/** The 503 for a request that needs the database while it does not answer (`headers`: the route's own). */
export function databaseUnavailableResponse(headers?: Record<string, string>): Response {
  return errorResponse(
    503,
    'database_unavailable',
    `The database does not answer; try again in ${DATABASE_RETRY_AFTER_SECONDS} s`,
    undefined,
    { ...headers, 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) }
  )
}

/** Thrown by routes and middleware for bad input; the app's onError turns it into JSON. */
export class ApiException extends HTTPException {
  readonly code: string
  readonly fields?: FieldError[]
  constructor(status: ContentfulStatusCode, code: string, message: string, fields?: FieldError[]) {
    super(status, { message, res: errorResponse(status, code, message, fields) })
    this.code = code
    this.fields = fields
  }
}

/** Zod issues as `fields`, dotted paths (`purposes.0.name.ja`), `(root)` for the whole value. */
export function zodFields(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }))
}

/** A 400 naming every bad field. */
export function validationError(error: ZodError, what = 'request body'): ApiException {
  const fields = zodFields(error)
  const first = fields[0]
  const detail = first ? `: ${first.path} ${first.message}` : ''
  return new ApiException(400, 'invalid_input', `Invalid ${what}${detail}`, fields)
}

export function notFound(what: string): ApiException {
  return new ApiException(404, 'not_found', `${what} not found`)
}

/** Reads a JSON body (any content type, e.g. text/plain to avoid a CORS preflight); 400 when it is not JSON. */
export async function readJson(c: Context): Promise<unknown> {
  let text: string
  try {
    text = await c.req.text()
  } catch {
    throw new ApiException(400, 'invalid_body', 'The request body could not be read')
  }
  if (!text.trim()) throw new ApiException(400, 'invalid_json', 'The request body is empty; expected JSON')
  try {
    return JSON.parse(text)
  } catch {
    throw new ApiException(400, 'invalid_json', 'The request body is not valid JSON')
  }
}
