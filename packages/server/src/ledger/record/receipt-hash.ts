import { hash } from 'node:crypto'
import { canonicalJson, type Receipt } from '@torii/schema'

/** The content a receipt's hash covers: everything but `hash` itself and `erasedAt` (set later on erasure). */
export type HashedReceipt = Omit<Receipt, 'hash' | 'erasedAt'>

// One-shot hashing: no Hash object per receipt (about twice as fast as createHash for a receipt's bytes).
const sha256Hex = (text: string) => hash('sha256', text, 'hex')

/** SHA-256 hex of the receipt's canonical JSON; this hash is the Merkle leaf's content. */
export function receiptHash(receipt: HashedReceipt | Receipt): string {
  const { hash: _hash, erasedAt: _erasedAt, ...content } = receipt as Receipt
  return sha256Hex(canonicalJson(content))
}

/** The three maps of a receipt as canonical JSON: stored as such, and reused inside its hashed bytes. */
export interface CanonicalMaps {
  purposes: string
  vendors: string
  consentMode: string
}

/** `,"key":value` for a defined member; `prefix` is `,"key":`, written out so only one string is added. */
const member = (prefix: string, json: string | undefined) => (json === undefined ? '' : prefix + json)

/** A receipt's scalar members as JSON text (undefined for an undefined member), encoded once. */
interface EncodedMembers {
  action: string | undefined
  clientTime: string | undefined
  consentId: string | undefined
  gpc: string | undefined
  id: string | undefined
  ipTruncated: string | undefined
  issuedAt: string | undefined
  language: string | undefined
  pageUrl: string | undefined
  revision: string | undefined
  revisionHash: string | undefined
  siteId: string | undefined
  userAgent: string | undefined
}

/** Printable ASCII but `"` and `\`: JSON writes such a string as is, between quotes. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/

/**
 * `JSON.stringify` of a member's value. Plain strings (nearly all: ids, hashes, times, URLs) are quoted
 * here, which spares a call into the runtime per member; anything else goes to JSON.stringify.
 */
function json(value: unknown): string | undefined {
  if (typeof value === 'string') return PLAIN.test(value) ? `"${value}"` : JSON.stringify(value)
  // Booleans (every map value but Consent Mode's, gpc) and null written out: no runtime call either.
  if (value === true) return 'true'
  if (value === false) return 'false'
  if (value === null) return 'null'
  return JSON.stringify(value)
}

const encodeMembers = (r: HashedReceipt): EncodedMembers => ({
  action: json(r.action),
  clientTime: json(r.clientTime),
  consentId: json(r.consentId),
  gpc: json(r.gpc),
  id: json(r.id),
  ipTruncated: json(r.ipTruncated),
  issuedAt: json(r.issuedAt),
  language: json(r.language),
  pageUrl: json(r.pageUrl),
  revision: json(r.revision),
  revisionHash: json(r.revisionHash),
  siteId: json(r.siteId),
  userAgent: json(r.userAgent),
})

/** The canonical JSON of a receipt's hashed content (keys in code-unit order, see canonicalJson). */
const hashedJson = (e: EncodedMembers, maps: CanonicalMaps) =>
  `{"action":${e.action}${member(',"clientTime":', e.clientTime)}${member(',"consentId":', e.consentId)}` +
  `,"consentMode":${maps.consentMode}${member(',"gpc":', e.gpc)}${member(',"id":', e.id)}` +
  `${member(',"ipTruncated":', e.ipTruncated)}${member(',"issuedAt":', e.issuedAt)}` +
  `${member(',"language":', e.language)}${member(',"pageUrl":', e.pageUrl)},"purposes":${maps.purposes}` +
  `${member(',"revision":', e.revision)}${member(',"revisionHash":', e.revisionHash)}` +
  `${member(',"siteId":', e.siteId)}${member(',"userAgent":', e.userAgent)},"vendors":${maps.vendors}}`

/**
 * `receiptHash` for a receipt being appended, which has exactly the `HashedReceipt` members: the same bytes
 * written out directly, with the maps already canonical. A test keeps it equal to `receiptHash`.
 */
export function newReceiptHash(receipt: HashedReceipt, maps: CanonicalMaps): string {
  return sha256Hex(hashedJson(encodeMembers(receipt), maps))
}

/**
 * `canonicalJson` of a flat map (purposes, vendors, Consent Mode: keys to booleans or strings) without its
 * intermediate arrays; anything nested goes to `canonicalJson` itself.
 */
export function canonicalMap(map: Record<string, unknown>): string {
  const keys = Object.keys(map)
  sortKeys(keys)
  let text = ''
  for (const key of keys) {
    const value = map[key]
    if (value === undefined) continue
    if ((typeof value === 'object' && value !== null) || typeof value === 'number') return canonicalJson(map)
    text += `${text ? ',' : ''}${json(key)}:${json(value)}`
  }
  return `{${text}}`
}

/**
 * Sorts keys in place as `Array#sort` does (UTF-16 code units). A receipt's maps hold a few keys: sorting
 * them by insertion spares the work arrays the built-in sort allocates on every call.
 */
function sortKeys(keys: string[]): void {
  if (keys.length > 16) {
    keys.sort()
    return
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!
    let j = i - 1
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!
    keys[j + 1] = key
  }
}

/** A member's JSON text in a row: SQL NULL for an absent member. */
const v = (text: string | undefined) => text ?? 'null'

/** A receipt's hash, and its row for INSERT_RECEIPT (group-commit.ts) as one JSON array text. */
export interface ReceiptRecord {
  hash: string
  row: string
}

/**
 * The hot path of every receipt POST: the hash and the stored row from one encoding of each member. The row
 * goes to the writer thread as text, so no value is encoded twice. Row order: id, site_id, revision,
 * revision_hash, action, issued_at, consent_id, purposes, vendors, consent_mode, gpc, language, page_url,
 * client_time, user_agent, ip_truncated, hash.
 */
export function receiptRecord(receipt: HashedReceipt): ReceiptRecord {
  const maps: CanonicalMaps = {
    purposes: canonicalMap(receipt.purposes),
    vendors: canonicalMap(receipt.vendors),
    consentMode: canonicalMap(receipt.consentMode),
  }
  const e = encodeMembers(receipt)
  const hash = sha256Hex(hashedJson(e, maps))
  const row =
    `[${v(e.id)},${v(e.siteId)},${v(e.revision)},${v(e.revisionHash)},${v(e.action)},${v(e.issuedAt)}` +
    `,${v(e.consentId)},${json(maps.purposes)},${json(maps.vendors)}` +
    `,${json(maps.consentMode)},${receipt.gpc ? 1 : 0},${v(e.language)},${v(e.pageUrl)}` +
    `,${v(e.clientTime)},${v(e.userAgent)},${v(e.ipTruncated)},"${hash}"]`
  return { hash, row }
}
