import type { ReceiptProof } from './receipt.ts'

/** The `format` of a proof bundle file (docs/checking-a-receipt.md). */
export const PROOF_BUNDLE_FORMAT = 'torii-proof/1'

/** Where a receipt sits in the log: the receipt JSON's `log` once a checkpoint includes it (issue #16). */
export interface ReceiptLogProof {
  /** The entry's index in the log (0-based). */
  index: number
  /** Base64 of the 32-byte entry (the receipt's leaf commitment). */
  entry: string
  /** The checkpoint's tree size. */
  treeSize: number
  /** Base64 hashes: the RFC 9162 inclusion path of `index` in the tree of `treeSize`, bottom first. */
  inclusion: string[]
  /** The C2SP signed note (tlog-checkpoint) of `treeSize`. */
  checkpoint: string
}

/** A later checkpoint and the consistency proof to it from the previous checkpoint of a bundle. */
export interface CarriedCheckpoint {
  /** The newer C2SP signed checkpoint. */
  checkpoint: string
  /** Base64 hashes: the RFC 9162 consistency proof from the previous checkpoint's size to this one's. */
  consistency: string[]
}

/** `GET /log/consistency?from=M&to=N`. */
export interface ConsistencyProofAnswer {
  from: number
  to: number
  proof: string[]
}

/**
 * One receipt with everything needed to check it offline with only the log's verifier key: "Download
 * proof", the banner's IndexedDB copy, and what `torii verify-proof` and tools/verify-proof.html read.
 */
export interface ProofBundle {
  format: typeof PROOF_BUNDLE_FORMAT
  /** The log's tlog-tiles prefix, ending in "/" (`https://consent.example/log/`): where to carry it forward. */
  logUrl: string
  receipt: ReceiptProof['receipt']
  log: ReceiptLogProof
  /** Checkpoints after `log.checkpoint`, oldest first, each proven consistent with the one before. */
  carried?: CarriedCheckpoint[]
}
