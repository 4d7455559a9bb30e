import type { ConsentModeState, Receipt } from '@torii/schema'
import type { ReceiptRow } from './tables.ts'

/** Column list of `receipts` in SQL order, for raw multi-row inserts and selects. */
export const RECEIPT_COLUMNS = [
  'seq',
  'id',
  'site_id',
  'revision',
  'revision_hash',
  'action',
  'issued_at',
  'consent_id',
  'purposes',
  'vendors',
  'consent_mode',
  'gpc',
  'language',
  'page_url',
  'client_time',
  'user_agent',
  'ip_truncated',
  'hash',
  'batch',
  'erased_at',
] as const

export const RECEIPT_SELECT = RECEIPT_COLUMNS.join(', ')

/** A raw libSQL row (snake_case) as a typed receipt row. */
export function rowFromSql(row: Record<string, unknown>): ReceiptRow {
  return {
    seq: Number(row.seq),
    id: row.id as string,
    siteId: row.site_id as string,
    revision: Number(row.revision),
    revisionHash: row.revision_hash as string,
    action: row.action as ReceiptRow['action'],
    issuedAt: row.issued_at as string,
    consentId: (row.consent_id as string | null) ?? null,
    purposes: (row.purposes as string | null) ?? null,
    vendors: (row.vendors as string | null) ?? null,
    consentMode: (row.consent_mode as string | null) ?? null,
    gpc: row.gpc === null || row.gpc === undefined ? null : Boolean(Number(row.gpc)),
    language: (row.language as string | null) ?? null,
    pageUrl: (row.page_url as string | null) ?? null,
    clientTime: (row.client_time as string | null) ?? null,
    userAgent: (row.user_agent as string | null) ?? null,
    ipTruncated: (row.ip_truncated as string | null) ?? null,
    hash: row.hash as string,
    batch: row.batch === null || row.batch === undefined ? null : Number(row.batch),
    erasedAt: (row.erased_at as string | null) ?? null,
  }
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback
  try {
    return JSON.parse(text) as T
  } catch {
    // A corrupted column must not crash a listing; verify reports it through the hash.
    return fallback
  }
}

/** A stored row as the contract's `Receipt`. Erased receipts come back with empty payload fields. */
export function receiptFromRow(row: ReceiptRow): Receipt {
  return {
    id: row.id,
    siteId: row.siteId,
    revision: row.revision,
    revisionHash: row.revisionHash,
    action: row.action,
    issuedAt: row.issuedAt,
    consentId: row.consentId ?? '',
    purposes: parseJson(row.purposes, {}),
    vendors: parseJson(row.vendors, {}),
    consentMode: parseJson<Partial<ConsentModeState>>(row.consentMode, {}),
    gpc: row.gpc ?? false,
    language: row.language ?? '',
    pageUrl: row.pageUrl ?? '',
    clientTime: row.clientTime ?? '',
    userAgent: row.userAgent,
    ipTruncated: row.ipTruncated,
    hash: row.hash,
    erasedAt: row.erasedAt,
  }
}
