import { RECEIPT_ACTIONS, type ReceiptAction } from '@torii/schema'
import type { ReceiptQuery } from '@torii/schema/admin-api'

/** The search form as typed: dates as YYYY-MM-DD, both inclusive, in the admin's own time zone. */
export interface ReceiptFilters {
  from: string
  to: string
  action: string
  purpose: string
  consentId: string
}

export const EMPTY_FILTERS: ReceiptFilters = { from: '', to: '', action: '', purpose: '', consentId: '' }

/**
 * The start of a local calendar day (plus `days`) as an ISO instant. Local, not UTC: the list shows times in
 * the browser's zone, so a day picked in Tokyo must mean that day in Tokyo (00:00 JST is 15:00Z the day before).
 */
function localDayStart(date: string, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return undefined
  const start = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days)
  return Number.isNaN(start.getTime()) ? undefined : start.toISOString()
}

/** Turns the form into the API query: local days as instants, `to` made exclusive (the next day's start). */
export function toReceiptQuery(filters: ReceiptFilters): ReceiptQuery {
  return {
    from: filters.from ? localDayStart(filters.from) : undefined,
    to: filters.to ? localDayStart(filters.to, 1) : undefined,
    action: (RECEIPT_ACTIONS as readonly string[]).includes(filters.action)
      ? (filters.action as ReceiptAction)
      : undefined,
    purpose: filters.purpose || undefined,
    consentId: filters.consentId.trim() || undefined,
  }
}
