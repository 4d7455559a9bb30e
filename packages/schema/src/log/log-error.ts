/** What was wrong, as a stable code callers can branch on (the message says it in words). */
export type LogErrorCode =
  | 'BAD_NUMBER'
  | 'BAD_HASH'
  | 'BAD_BASE64'
  | 'BAD_HEX'
  | 'INDEX_OUT_OF_RANGE'
  | 'SIZE_ORDER'
  | 'EMPTY_TREE'
  | 'PROOF_LENGTH'
  | 'ROOT_MISMATCH'
  | 'BAD_NOTE'
  | 'NOTE_TOO_LARGE'
  | 'TOO_MANY_SIGNATURES'
  | 'BAD_KEY_NAME'
  | 'BAD_VERIFIER_KEY'
  | 'UNSUPPORTED_KEY_TYPE'
  | 'KEY_ID_MISMATCH'
  | 'AMBIGUOUS_KEY'
  | 'NO_KNOWN_SIGNATURE'
  | 'BAD_SIGNATURE'
  | 'BAD_CHECKPOINT'
  | 'ORIGIN_MISMATCH'
  | 'BAD_TILE_PATH'
  | 'BAD_TILE'

/** Every failure of the log module: bad input, a proof that does not hold, a note that does not verify. */
export class LogError extends Error {
  readonly code: LogErrorCode

  constructor(code: LogErrorCode, message: string) {
    super(message)
    this.name = 'LogError'
    this.code = code
  }
}

/** Throws unless `value` is a non-negative safe integer; `what` names it in the message. */
export function assertSize(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LogError('BAD_NUMBER', `${what} must be a non-negative safe integer, got ${value}`)
  }
}
