import type { InValue } from '@libsql/client'
import type { ReceiptQuery } from '@torii/schema'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 500

/** Opaque cursor: the seq of the last receipt on the page, base64url. */
export function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`).toString('base64url')
}

export function decodeCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64url').toString()
  const match = /^s(\d{1,15})$/.exec(text)
  return match ? Number(match[1]) : null
}

export class ReceiptQueryError extends Error {
  override name = 'ReceiptQueryError'
  constructor(
    readonly param: string,
    message: string
  ) {
    super(message)
  }
}

/** SQL WHERE clause (and its arguments) for a site's receipts under the query's filters; no cursor. */
export function whereOf(siteId: string, query: ReceiptQuery): { where: string; args: InValue[] } {
  const clauses = ['site_id = ?']
  const args: InValue[] = [siteId]
  if (query.from) {
    clauses.push('issued_at >= ?')
    args.push(new Date(query.from).toISOString())
  }
  if (query.to) {
    clauses.push('issued_at < ?')
    args.push(new Date(query.to).toISOString())
  }
  if (query.action) {
    clauses.push('action = ?')
    args.push(query.action)
  }
  if (query.consentId) {
    clauses.push('consent_id = ?')
    args.push(query.consentId)
  }
  if (query.purpose) {
    const denied = query.purpose.startsWith('!')
    const key = denied ? query.purpose.slice(1) : query.purpose
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(key)) {
      throw new ReceiptQueryError('purpose', 'purpose must be a purpose key, or ! and a key for denied')
    }
    // json_extract gives 1 / 0 for true / false; erased receipts (purposes NULL) match neither.
    clauses.push(`json_extract(purposes, ?) = ${denied ? 0 : 1}`)
    args.push(`$."${key}"`)
  }
  return { where: clauses.join(' AND '), args }
}
