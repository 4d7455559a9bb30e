/**
 * @module The verifying and formatting side of Torii's transparency log: RFC 9162 Merkle proofs,
 * C2SP signed notes, checkpoints and tiles. Isomorphic (WebCrypto and Uint8Array only), no dependencies.
 */
// Base64 and hex without Buffer, as proofs and keys are written in JSON and text.
export { decodeBase64, decodeHex, encodeBase64, encodeHex } from './bytes.ts'
export * from './checkpoint.ts'
export * from './consistency-proof.ts'
export * from './entry-bundle.ts'
export * from './inclusion-proof.ts'
export * from './log-error.ts'
export * from './merkle-hash.ts'
export * from './merkle-root.ts'
export * from './note.ts'
export * from './note-sign.ts'
export * from './note-verify.ts'
export * from './proof-ranges.ts'
export * from './tile-hash.ts'
export * from './tile-layout.ts'
export * from './tile-path.ts'
export * from './verifier-key.ts'
