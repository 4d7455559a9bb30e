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
  /**
   * The receipt's 32-byte log entry, hex (the Merkle leaf's content): for `leafVersion` 1 the leaf commitment
   * (docs/ledger.md), for 0 (receipts written before it) SHA-256 of the receipt's canonical JSON.
   */
  hash: string
  /** Set when the payload was erased on request; the hash stays so the ledger still verifies. */
  erasedAt: string | null
  /** Which leaf commitment `hash` is: 1 (kept part + payloadDigest), 0 (receipts written before it). */
  leafVersion: ReceiptLeafVersion
  /** v1: SHA-256 (hex) of the payload part's canonical JSON; kept on erasure. null on version 0. */
  payloadDigest: string | null
  /** v1: SHA-256 (hex) of a stored salt and the private part (user agent, IP); erased. null on version 0. */
  privateDigest: string | null
}

/** The leaf commitments a receipt's `hash` can be (docs/ledger.md). */
export type ReceiptLeafVersion = 0 | 1

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

/** Where a receipt is in the public log (docs/log-format.md), proven against a signed checkpoint. */
export interface ReceiptLogProof {
  /** The entry's index in the log (0-based). */
  index: number
  /** base64 of the 32-byte entry (the receipt's `hash`). */
  entry: string
  /** The checkpoint's tree size. */
  treeSize: number
  /** base64 hashes: the RFC 9162 inclusion path of `index` in the tree of `treeSize`, bottom first. */
  inclusion: string[]
  /** The C2SP signed note (tlog-checkpoint) of `treeSize`. */
  checkpoint: string
}

/** `GET /receipts/:id`: the receipt as proof (no IP, no user agent). */
export interface ReceiptProof {
  receipt: Omit<Receipt, 'userAgent' | 'ipTruncated'>
  revision: { number: number; hash: string; publishedAt: string }
  leafHash: string
  /** `null` while the receipt waits to be sealed in the next batch. */
  inclusion: InclusionProof | null
  /** `null` until the receipt is in a signed checkpoint of the log. */
  log: ReceiptLogProof | null
}

/** The `format` of a proof bundle (docs/checking-a-receipt.md). */
export const PROOF_BUNDLE_FORMAT = 'torii-proof/1'

/** The "Download proof" file: one receipt, its log proof, optionally carried to later checkpoints. */
export interface ProofBundle {
  format: typeof PROOF_BUNDLE_FORMAT
  /** The log's tiles prefix, e.g. `https://consent.example/log/`. */
  logUrl: string
  receipt: ReceiptProof['receipt']
  log: ReceiptLogProof
  /** Later checkpoints, each with the consistency proof (base64) from the previous checkpoint's size. */
  carried?: { checkpoint: string; consistency: string[] }[]
}

/** `GET /log/consistency?from=M&to=N`: the RFC 9162 consistency proof between two tree sizes. */
export interface LogConsistencyProof {
  from: number
  to: number
  /** base64 hashes. */
  proof: string[]
}
