import { RECEIPT_ACTIONS, type ReceiptAction } from '@torii/schema'
import type { ReceiptQuery } from '@torii/schema/admin-api'

/** The search form as typed: dates as YYYY-MM-DD, both inclusive. */
export interface ReceiptFilters {
  from: string
  to: string
  action: string
  purpose: string
  consentId: string
}

export const EMPTY_FILTERS: ReceiptFilters = { from: '', to: '', action: '', purpose: '', consentId: '' }

function nextDay(date: string): string | undefined {
  const time = Date.parse(`${date}T00:00:00Z`)
  return Number.isNaN(time) ? undefined : new Date(time + 86_400_000).toISOString()
}

/** Turns the form into the API query: dates in UTC, `to` made exclusive (the next day's start). */
export function toReceiptQuery(filters: ReceiptFilters): ReceiptQuery {
  const from = filters.from ? Date.parse(`${filters.from}T00:00:00Z`) : Number.NaN
  return {
    from: Number.isNaN(from) ? undefined : new Date(from).toISOString(),
    to: filters.to ? nextDay(filters.to) : undefined,
    action: (RECEIPT_ACTIONS as readonly string[]).includes(filters.action)
      ? (filters.action as ReceiptAction)
      : undefined,
    purpose: filters.purpose || undefined,
    consentId: filters.consentId.trim() || undefined,
  }
}
