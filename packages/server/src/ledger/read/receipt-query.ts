import { RECEIPT_ACTIONS, type ReceiptQuery } from '@torii/schema'
import { z } from 'zod'
import type { Dialect, SqlValue } from '../../db/sql-client.ts'
import { ledgerSqlFor } from '../dialect/ledger-sql.ts'

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

/** SQL WHERE clause (and its arguments) for a site's receipts under the query's filters on `dialect`; no cursor. */
export function whereOf(
  siteId: string,
  query: ReceiptQuery,
  dialect: Dialect
): { where: string; args: SqlValue[] } {
  const clauses = ['site_id = ?']
  const args: SqlValue[] = [siteId]
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
    const { clause, arg } = ledgerSqlFor(dialect).purposeIs(key, !denied)
    clauses.push(clause)
    args.push(arg)
  }
  return { where: clauses.join(' AND '), args }
}

const DATE_HINT = 'must be an ISO date such as 2026-11-25 or 2026-11-25T09:00:00+09:00'
const isoDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: DATE_HINT })
  .refine((value) => !Number.isNaN(Date.parse(value)), DATE_HINT)

/** The filters and paging of a `ReceiptQuery` as query-string values, before the checks across fields. */
const receiptQueryFields = z.strictObject({
  cursor: z
    .string()
    .refine((value) => decodeCursor(value) !== null, 'must be a nextCursor returned by the previous page')
    .optional(),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1)
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  action: z.enum(RECEIPT_ACTIONS, `must be one of ${RECEIPT_ACTIONS.join(', ')}`).optional(),
  purpose: z
    .string()
    .regex(/^!?[a-z0-9][a-z0-9_-]{0,63}$/i, 'must be a purpose key (granted) or ! and a key (denied)')
    .optional(),
  consentId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 URL-safe characters')
    .optional(),
})

/** `to` must come after `from`: an inverted range would silently match nothing. */
export function datesInOrder(query: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (query.from && query.to && Date.parse(query.to) <= Date.parse(query.from)) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be later than from (${query.from})` })
  }
}

/** A `ReceiptQuery` from query-string values (admin routes and the CLI share it). */
export const receiptQuerySchema = receiptQueryFields.superRefine(datesInOrder) satisfies z.ZodType<
  ReceiptQuery,
  unknown
>

/** The filters alone (no paging), for exports; callers add their own fields, then `datesInOrder`. */
export const receiptFilterFields = receiptQueryFields.omit({ cursor: true, limit: true })
