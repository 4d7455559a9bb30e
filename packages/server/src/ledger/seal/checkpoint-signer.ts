import { createNoteSigner, type NoteSigner } from '@torii/schema/log'
import type { SigningKey } from './signing-key.ts'

const signers = new Map<string, Promise<NoteSigner>>()

/**
 * The ledger's signing key as a C2SP note signer named `origin` (the key name is the log's origin). The one
 * place the log reads the private key: it takes the 32-byte Ed25519 seed from whatever `SigningKey` holds.
 */
export function checkpointSigner(key: SigningKey, origin: string): Promise<NoteSigner> {
  const cacheKey = `${key.id} ${origin}`
  let signer = signers.get(cacheKey)
  if (!signer) {
    const seed = Buffer.from(key.privateKey.export({ format: 'jwk' }).d ?? '', 'base64url')
    signer = createNoteSigner(origin, seed)
    signers.set(cacheKey, signer)
  }
  return signer
}

/** The raw 32-byte Ed25519 public key of a `SigningKey` (its SPKI DER ends with it). */
export function rawPublicKey(spkiBase64: string): Uint8Array {
  return new Uint8Array(Buffer.from(spkiBase64, 'base64').subarray(-32))
}
