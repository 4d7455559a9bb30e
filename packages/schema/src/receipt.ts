import { z } from 'zod'
import { CONSENT_TYPES } from './consent-mode.ts'
import { languageSchema } from './language.ts'
import type { RegionModel } from './regions/region-rules.ts'
import { keySchema } from './site-config.ts'

/**
 * What a receipt records: a decision (`accept-all`, `reject-all`, `custom`, `withdraw`), GPC's own (`gpc`), or
 * the dismissal of a notice-model notice (`notice`: it decides nothing, its purposes and vendors are what was in
 * force by the region's rule).
 */
export const RECEIPT_ACTIONS = ['accept-all', 'reject-all', 'custom', 'withdraw', 'gpc', 'notice'] as const
export type ReceiptAction = (typeof RECEIPT_ACTIONS)[number]

/** Largest receipt body the server reads. */
export const MAX_RECEIPT_BYTES = 16 * 1024

/** What the banner POSTs to `/s/:siteId/receipts` (JSON, sent as text/plain to avoid a preflight). */
export const receiptInputSchema = z.strictObject({
  consentId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16 to 64 URL-safe characters'),
  revision: z.number().int().positive(),
  action: z.enum(RECEIPT_ACTIONS),
  purposes: z.record(keySchema, z.boolean()),
  vendors: z.record(keySchema, z.boolean()),
  /** Signals sent with the choice: the Consent Mode state pushed, and whether GPC was on. */
  consentMode: z.partialRecord(z.enum(CONSENT_TYPES), z.enum(['granted', 'denied'])),
  gpc: z.boolean(),
  language: languageSchema,
  /** Where the choice was made; the server drops the query string and fragment. */
  pageUrl: z.url({ protocol: /^https?$/ }).max(2048),
  /** The browser's clock, ISO 8601: kept beside the server's time, never trusted alone. */
  clientTime: z.iso.datetime({ offset: true }),
})

export type ReceiptInput = z.infer<typeof receiptInputSchema>

/**
 * Where the server placed the visitor when it took the receipt, and the region rule it applied
 * (docs/regions.md). Each member absent when unknown; all absent for a site without region rules, so such
 * receipts hash as they did before regions.
 */
export interface ReceiptJurisdiction {
  /** ISO 3166-1 alpha-2 (`JP`), from the CDN's geo header or the IP database. */
  country?: string
  /** ISO 3166-2 (`US-CA`), when the CDN sends it. */
  subdivision?: string
  /** The key of the region rule the visitor got (the default rule's when the place is unknown). */
  regionRule?: string
  regionModel?: RegionModel
}

/** A receipt as the server stores it. */
export interface Receipt extends ReceiptInput, ReceiptJurisdiction {
  id: string
  siteId: string
  revisionHash: string
  /** Server time the receipt was committed, ISO 8601 UTC. */
  issuedAt: string
  userAgent: string | null
  /** IPv4 truncated to /24, IPv6 to /48; never the whole address. */
  ipTruncated: string | null
  /** SHA-256 (hex) of the receipt's canonical bytes (the Merkle leaf's content). */
  hash: string
  /** Set when the payload was erased on request; the hash stays so the ledger still verifies. */
  erasedAt: string | null
}

/** `201` answer to a receipt POST. */
export interface ReceiptAck {
  id: string
  revision: number
  revisionHash: string
  issuedAt: string
  hash: string
  /** Where the visitor or an auditor reads the proof. */
  proofUrl: string
}

/** A receipt's inclusion proof once its batch is sealed (RFC 6962 Merkle audit path). */
export interface InclusionProof {
  batch: number
  leafIndex: number
  treeSize: number
  /** Sibling hashes (hex) from the leaf up to the root. */
  path: string[]
  root: string
  previousRoot: string
  /** Ed25519 signature (base64) over the batch head. */
  signature: string
  /** The signing key (base64 SPKI DER), also served at `/.well-known/torii-ledger-key`. */
  publicKey: string
  sealedAt: string
}

/** `GET /receipts/:id`: the receipt as proof (no IP, no user agent). */
export interface ReceiptProof {
  receipt: Omit<Receipt, 'userAgent' | 'ipTruncated'>
  revision: { number: number; hash: string; publishedAt: string }
  leafHash: string
  /** `null` while the receipt waits to be sealed in the next batch. */
  inclusion: InclusionProof | null
}
