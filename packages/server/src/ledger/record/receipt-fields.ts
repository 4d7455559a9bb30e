import type { Receipt } from '@torii/schema'
import type { ReceiptRow } from './tables.ts'

/**
 * How a field is stored and encoded: `json` is a map (purposes, vendors, Consent Mode) stored as its
 * canonical JSON text; `boolean` is stored as 0 / 1.
 */
export type FieldType = 'text' | 'integer' | 'boolean' | 'json'

/**
 * Which part of the v1 leaf commitment a field belongs to (docs/ledger.md): `kept` (public, never erased,
 * hashed into the entry), `payload` (public until erased, hashed into payloadDigest), `private` (never shown,
 * hashed with the salt into privateDigest).
 */
export type CommitmentPart = 'kept' | 'payload' | 'private'

/** One field of the stored receipt: a column of `receipts`, and (unless row-only) a member of `Receipt`. */
export interface ReceiptField {
  /** The member in `ReceiptRow` (and in `Receipt` when `inReceipt`). */
  readonly name: keyof ReceiptRow
  /** The SQL column. */
  readonly column: string
  readonly type: FieldType
  readonly nullable: boolean
  /** Covered by a version 0 receipt hash (the canonical JSON of these members). */
  readonly hashed: boolean
  /** The v1 commitment part the field is in; undefined: in none (the ledger's own columns, the salt). */
  readonly part?: CommitmentPart
  /** Written by `append` (the rest are set by the ledger later: seq, batch, erasure). */
  readonly inserted: boolean
  /** Personal data: erasure clears it (NULL) and keeps the hash. */
  readonly payload: boolean
  /** A member of `Receipt` (`seq` and `batch` are the row's only). */
  readonly inReceipt: boolean
  /** What a NULL column reads as in a `Receipt` (an erased payload); undefined: the member is left out. */
  readonly ifNull: Receipt[keyof Receipt]
}

/** Hashed, never erased: what the receipt says about itself. */
const content = (name: keyof Receipt, column: string, type: FieldType): ReceiptField => ({
  name,
  column,
  type,
  nullable: false,
  hashed: true,
  part: 'kept',
  inserted: true,
  payload: false,
  inReceipt: true,
  ifNull: null,
})
/** Hashed, cleared on erasure: the visitor's data (`private`: never shown either). */
const payload = (
  name: keyof Receipt,
  column: string,
  type: FieldType,
  ifNull: ReceiptField['ifNull'],
  part: CommitmentPart = 'payload'
): ReceiptField => ({
  ...content(name, column, type),
  nullable: true,
  part,
  payload: true,
  ifNull,
})
/**
 * Hashed, never erased, and absent when unknown: a NULL column reads as no member at all, so receipts without
 * it (every receipt from before the field existed) hash as they always did.
 */
const optional = (name: keyof Receipt, column: string, type: FieldType): ReceiptField => ({
  ...content(name, column, type),
  nullable: true,
  ifNull: undefined,
})
/** Kept by the ledger around the hashed content: not hashed, never erased. */
const ledger = (
  name: keyof ReceiptRow,
  column: string,
  type: FieldType,
  { nullable = false, inReceipt = false } = {}
): ReceiptField => ({
  name,
  column,
  type,
  nullable,
  hashed: false,
  inserted: false,
  payload: false,
  inReceipt,
  ifNull: null,
})
/**
 * The v1 leaf commitment's own columns (added after the rest, NULL on version 0 receipts): not in the
 * version 0 hash, written by `append`.
 */
const commitment = (
  name: keyof ReceiptRow,
  column: string,
  type: FieldType,
  {
    part,
    payload = false,
    inReceipt = true,
  }: { part?: CommitmentPart; payload?: boolean; inReceipt?: boolean }
): ReceiptField => ({
  ...ledger(name, column, type, { nullable: true, inReceipt }),
  part,
  inserted: true,
  payload,
})

/**
 * The receipt, once: every column of `receipts` in table order, which is also the member order of a stored
 * row (`ReceiptRow`, the ledger export's receipt lines) and of a `Receipt` (its JSON, the site export's
 * NDJSON lines). The insert, the hash, row mapping, erasure, the exports and verify are all derived from it
 * when this module loads. A new receipt field is a row here (plus its column in tables.ts and a migration);
 * a test keeps this table, tables.ts and the migrated database in agreement.
 */
export const RECEIPT_FIELDS: readonly ReceiptField[] = [
  /** Position in the ledger, allocated inside the write transaction. */
  ledger('seq', 'seq', 'integer'),
  content('id', 'id', 'text'),
  content('siteId', 'site_id', 'text'),
  content('revision', 'revision', 'integer'),
  content('revisionHash', 'revision_hash', 'text'),
  content('action', 'action', 'text'),
  content('issuedAt', 'issued_at', 'text'),
  payload('consentId', 'consent_id', 'text', ''),
  payload('purposes', 'purposes', 'json', {}),
  payload('vendors', 'vendors', 'json', {}),
  payload('consentMode', 'consent_mode', 'json', {}),
  payload('gpc', 'gpc', 'boolean', false),
  payload('language', 'language', 'text', ''),
  payload('pageUrl', 'page_url', 'text', ''),
  payload('clientTime', 'client_time', 'text', ''),
  payload('userAgent', 'user_agent', 'text', null, 'private'),
  payload('ipTruncated', 'ip_truncated', 'text', null, 'private'),
  /** The log entry, hex: the v1 leaf commitment, or (version 0) SHA-256 of the hashed fields' canonical JSON. */
  { ...ledger('hash', 'hash', 'text', { inReceipt: true }), inserted: true },
  /** Set on a sealed batch's last receipt (see tables.ts). */
  ledger('batch', 'batch', 'integer', { nullable: true }),
  /** Set by erasure. */
  ledger('erasedAt', 'erased_at', 'text', { nullable: true, inReceipt: true }),
  // The jurisdiction (ReceiptJurisdiction): what the receipt proves about the rule applied, so kept on
  // erasure, which clears the consent id and the IP it could be tied back to.
  optional('country', 'country', 'text'),
  optional('subdivision', 'subdivision', 'text'),
  optional('regionRule', 'region_rule', 'text'),
  optional('regionModel', 'region_model', 'text'),
  // The v1 leaf commitment (docs/ledger.md), added after the rest; NULL on receipts written before it.
  /** 1 for the v1 commitment; NULL (read as 0) on older receipts. */
  { ...commitment('leafVersion', 'leaf_version', 'integer', {}), ifNull: 0 },
  commitment('payloadDigest', 'payload_digest', 'text', { part: 'kept' }),
  commitment('privateDigest', 'private_digest', 'text', { part: 'payload', payload: true }),
  /** 32 random bytes (hex) hashed before the private part: erased with it, never shown. */
  commitment('salt', 'salt', 'text', { payload: true, inReceipt: false }),
]

const fieldNamed = (name: keyof ReceiptRow) => RECEIPT_FIELDS.find((field) => field.name === name)!

/** Every column, in table order, for raw selects. */
export const RECEIPT_SELECT = RECEIPT_FIELDS.map((field) => field.column).join(', ')

/** The members of `Receipt`, in order. */
export const RECEIPT_MEMBERS = RECEIPT_FIELDS.filter((field) => field.inReceipt)

/** The fields a receipt's hash covers, in table order. */
export const HASHED_FIELDS = RECEIPT_FIELDS.filter((field) => field.hashed)

/** The fields of each part of the v1 commitment, in table order. */
export const PART_FIELDS = {
  kept: RECEIPT_FIELDS.filter((field) => field.part === 'kept'),
  payload: RECEIPT_FIELDS.filter((field) => field.part === 'payload'),
  private: RECEIPT_FIELDS.filter((field) => field.part === 'private'),
}

/** What `append` writes, in table order (the writer keeps each receipt's leaf from `hash`). */
export const INSERTED_FIELDS = RECEIPT_FIELDS.filter((field) => field.inserted)

/** The insert of one receipt, its values in `INSERTED_FIELDS` order (see receiptRecord). */
export const INSERT_RECEIPT = `INSERT INTO receipts (${INSERTED_FIELDS.map((field) => field.column).join(', ')}) VALUES (${INSERTED_FIELDS.map(() => '?').join(', ')})`

/** Where `hash` is in an inserted row. */
export const HASH_COLUMN = INSERTED_FIELDS.indexOf(fieldNamed('hash'))

/** The fields erasure clears, in table order. */
export const PAYLOAD_FIELDS = RECEIPT_FIELDS.filter((field) => field.payload)

/** Clears every payload column of a site's consent id, once; arguments: erasedAt, siteId, consentId. */
export const ERASE_RECEIPTS = `UPDATE receipts SET ${PAYLOAD_FIELDS.map((field) => `${field.column} = NULL`).join(', ')}, erased_at = ? WHERE site_id = ? AND consent_id = ? AND erased_at IS NULL`
