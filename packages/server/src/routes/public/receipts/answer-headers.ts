import { jsonApiSecurityHeaders } from '../../../middleware/security-headers.ts'

/** Every header a receipt answer (201 or error) sends, given to `new Response` as they are. */
export type AnswerHeaders = Record<string, string>

/** The `RateLimit-*` headers of the POST's count (see createRateCounter). */
type RateHeaders = Record<string, string>

export interface ReceiptAnswerHeaders {
  /** Until Hono's secure headers are captured (the first POSTs wait on it); null from then on. */
  waiting: Promise<void> | null
  /**
   * A receipt answer's headers: the secure headers of a JSON API answer (see jsonApiSecurityHeaders), CORS
   * for the origin it may be read from (none for another), the rate-limit state.
   */
  of(allowOrigin: string | null, rate: RateHeaders): AnswerHeaders
}

/**
 * The POST answers with all its headers at once (the app's secure-headers middleware never runs for it):
 * setting them one by one on each response was a large share of the route's cost per receipt. Each case is
 * one object literal, one shape: headers copied from a shared object and then added one by one missed V8's
 * inline caches on every POST (a runtime call per member).
 */
export function createReceiptAnswerHeaders(): ReceiptAnswerHeaders {
  let nosniff = ''
  let resourcePolicy = ''
  let transportSecurity = ''
  const answerHeaders: ReceiptAnswerHeaders = {
    waiting: jsonApiSecurityHeaders().then((secure) => {
      nosniff = secure['x-content-type-options']!
      resourcePolicy = secure['cross-origin-resource-policy']!
      transportSecurity = secure['strict-transport-security']!
      answerHeaders.waiting = null
    }),
    of(allowOrigin, rate): AnswerHeaders {
      if (allowOrigin) {
        return {
          'Content-Type': 'application/json',
          'x-content-type-options': nosniff,
          'cross-origin-resource-policy': resourcePolicy,
          'strict-transport-security': transportSecurity,
          Vary: 'Origin',
          'Access-Control-Allow-Origin': allowOrigin,
          'RateLimit-Limit': rate['RateLimit-Limit']!,
          'RateLimit-Remaining': rate['RateLimit-Remaining']!,
          'RateLimit-Reset': rate['RateLimit-Reset']!,
        }
      }
      return {
        'Content-Type': 'application/json',
        'x-content-type-options': nosniff,
        'cross-origin-resource-policy': resourcePolicy,
        'strict-transport-security': transportSecurity,
        Vary: 'Origin',
        'RateLimit-Limit': rate['RateLimit-Limit']!,
        'RateLimit-Remaining': rate['RateLimit-Remaining']!,
        'RateLimit-Reset': rate['RateLimit-Reset']!,
      }
    },
  }
  return answerHeaders
}
