// The v1 leaf commitment of a public receipt, written from issue #16's contract (docs/checking-a-receipt.md),
// not imported from the ledger that writes it: a verifier that shared the server's code would share its bugs.

import { canonicalJson } from '@torii/schema'
import { encodeHex, sha256 } from '@torii/schema/log'

const utf8 = (text: string) => new TextEncoder().encode(text)

/** Members of a receipt that the entry commits to directly (absent ones are left out). */
export const KEPT_MEMBERS = [
  'id',
  'siteId',
  'revision',
  'revisionHash',
  'action',
  'issuedAt',
  'country',
  'subdivision',
  'regionRule',
  'regionModel',
  'payloadDigest',
] as const

/** Members that `payloadDigest` covers; erasure clears all but `privateDigest`'s effect. */
export const PAYLOAD_MEMBERS = [
  'consentId',
  'purposes',
  'vendors',
  'consentMode',
  'gpc',
  'language',
  'pageUrl',
  'clientTime',
  'privateDigest',
] as const

/** What erasure leaves in the payload members (the server's erased values): an erased receipt shows exactly these. */
export const ERASED_PAYLOAD: Record<(typeof PAYLOAD_MEMBERS)[number], unknown> = {
  consentId: '',
  purposes: {},
  vendors: {},
  consentMode: {},
  gpc: false,
  language: '',
  pageUrl: '',
  clientTime: '',
  privateDigest: null,
}

const RECEIPT_DOMAIN = 'torii-receipt/v1\n'

type PublicReceipt = Record<string, unknown>

const pick = (receipt: PublicReceipt, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, receipt[name]]))

/** Hex SHA-256 of the canonical JSON of the receipt's payload members. */
export async function payloadDigestOf(receipt: PublicReceipt): Promise<string> {
  return encodeHex(await sha256(utf8(canonicalJson(pick(receipt, PAYLOAD_MEMBERS)))))
}

/** The payload members of an erased receipt that do not read as erased (payloadDigest alone stands for them). */
export function unerasedMembersOf(receipt: PublicReceipt): string[] {
  return PAYLOAD_MEMBERS.filter(
    (name) => canonicalJson([receipt[name] ?? null]) !== canonicalJson([ERASED_PAYLOAD[name]])
  )
}

/** The 32-byte v1 entry: SHA-256 of the domain line and the canonical JSON of the kept members. */
export async function receiptEntryOf(receipt: PublicReceipt): Promise<Uint8Array> {
  return sha256(utf8(RECEIPT_DOMAIN + canonicalJson(pick(receipt, KEPT_MEMBERS))))
}
