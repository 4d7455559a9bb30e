import { hash } from 'node:crypto'
import { canonicalJson, type Receipt } from '@torii/schema'
import { type CommitmentPart, PART_FIELDS } from './receipt-fields.ts'

/** What the v1 receipt entry hashes before the kept part's canonical JSON. */
export const RECEIPT_ENTRY_PREFIX = 'torii-receipt/v1\n'
/** What an erasure entry hashes before `{"erasedAt":…,"receiptId":…}`. */
export const ERASURE_ENTRY_PREFIX = 'torii-erasure/v1\n'
/** Bytes of random salt hashed before the private part. */
export const SALT_BYTES = 32

/** A receipt's members as the commitment reads them (the private part may be absent: it is never shown). */
export type CommittedReceipt = Partial<Pick<Receipt, 'userAgent' | 'ipTruncated'>> &
  Omit<Receipt, 'userAgent' | 'ipTruncated'>

const sha256Hex = (data: string | Uint8Array) => hash('sha256', data, 'hex')

/** The members of one part of the commitment, as canonicalJson drops them when absent (receipt-fields.ts). */
export function commitmentPart(receipt: Partial<Receipt>, part: CommitmentPart): Record<string, unknown> {
  const members: Record<string, unknown> = {}
  for (const field of PART_FIELDS[part]) members[field.name] = receipt[field.name as keyof Receipt]
  return members
}

/** hex SHA-256( salt || UTF8(canonicalJson({ ipTruncated, userAgent })) ). */
export function privateDigestOf(salt: Uint8Array, receipt: Partial<Receipt>): string {
  const text = Buffer.from(canonicalJson(commitmentPart(receipt, 'private')))
  return sha256Hex(Buffer.concat([salt, text]))
}

/** hex SHA-256( UTF8(canonicalJson(payload part incl. privateDigest)) ). */
export function payloadDigestOf(receipt: Partial<Receipt>): string {
  return sha256Hex(canonicalJson(commitmentPart(receipt, 'payload')))
}

/** The v1 entry, hex: SHA-256( "torii-receipt/v1\n" || UTF8(canonicalJson(kept part incl. payloadDigest)) ). */
export function receiptEntryOf(receipt: Partial<Receipt>): string {
  return sha256Hex(RECEIPT_ENTRY_PREFIX + canonicalJson(commitmentPart(receipt, 'kept')))
}

/** An erasure's entry, hex: SHA-256( "torii-erasure/v1\n" || UTF8(canonicalJson({ receiptId, erasedAt })) ). */
export function erasureEntryOf(receiptId: string, erasedAt: string): string {
  return sha256Hex(ERASURE_ENTRY_PREFIX + canonicalJson({ erasedAt, receiptId }))
}

/**
 * What is wrong with a v1 receipt's commitment, or null: the entry from the kept part, and (unless erased)
 * payloadDigest from the payload and, given the salt, privateDigest from the private part. Pass a null salt
 * only where none can exist (a site export): a database receipt without one is a problem of its own.
 */
export function commitmentProblem(receipt: CommittedReceipt, salt: string | null): string | null {
  if (receipt.erasedAt === null) {
    if (salt !== null && privateDigestOf(Buffer.from(salt, 'hex'), receipt) !== receipt.privateDigest)
      return 'its private part does not match privateDigest'
    if (payloadDigestOf(receipt) !== receipt.payloadDigest) return 'its payload does not match payloadDigest'
  }
  return receiptEntryOf(receipt) === receipt.hash ? null : 'its kept fields do not match its entry'
}
