import type { Receipt } from '@torii/schema'
import { RECEIPT_FIELDS, RECEIPT_MEMBERS, type ReceiptField } from './receipt-fields.ts'
import type { ReceiptRow } from './tables.ts'

type Read = (value: unknown) => unknown

const isNull = (value: unknown) => value === null || value === undefined

/** A raw libSQL value as the row member: numbers from integers, booleans from 0 / 1, NULL as null. */
function sqlReader({ type, nullable }: ReceiptField): Read {
  if (type === 'integer') return nullable ? (value) => (isNull(value) ? null : Number(value)) : Number
  if (type === 'boolean')
    return nullable
      ? (value) => (isNull(value) ? null : Boolean(Number(value)))
      : (value) => Boolean(Number(value))
  return nullable ? (value) => value ?? null : (value) => value
}

/** A stored map; a fresh empty one for NULL (erased) or a corrupted column. */
function parseMap(text: unknown): unknown {
  if (text === null) return {}
  try {
    return JSON.parse(text as string)
  } catch {
    // A corrupted column must not crash a listing; verify reports it through the hash.
    return {}
  }
}

/** A row member as the `Receipt` member: maps parsed, NULL as the field's `ifNull`. */
function receiptReader({ type, ifNull }: ReceiptField): Read {
  if (type === 'json') return parseMap
  return ifNull === null ? (value) => value : (value) => value ?? ifNull
}

const FROM_SQL = RECEIPT_FIELDS.map((field) => [field.name, field.column, sqlReader(field)] as const)
const TO_RECEIPT = RECEIPT_MEMBERS.map((field) => [field.name, receiptReader(field)] as const)

/** A raw libSQL row (snake_case columns) as a typed receipt row, members in table order. */
export function rowFromSql(raw: Record<string, unknown>): ReceiptRow {
  const row: Record<string, unknown> = {}
  for (const [name, column, read] of FROM_SQL) row[name] = read(raw[column])
  return row as ReceiptRow
}

/** A stored row as the contract's `Receipt`. Erased receipts come back with empty payload fields. */
export function receiptFromRow(row: ReceiptRow): Receipt {
  const receipt: Record<string, unknown> = {}
  for (const [name, read] of TO_RECEIPT) receipt[name] = read(row[name])
  return receipt as unknown as Receipt
}
