import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto'
import { canonicalJson } from '@torii/schema'

export interface SigningKey {
  id: string
  /** base64 SPKI DER */
  publicKey: string
  privateKey: KeyObject
}

/** What a batch signature covers; the same fields an `InclusionProof` carries, so anyone can check it. */
export interface BatchHead {
  batch: number
  size: number
  root: string
  previousRoot: string
  sealedAt: string
}

/** The signed bytes: canonical JSON of the head, UTF-8. */
export function batchHeadBytes(head: BatchHead): Buffer {
  const { batch, size, root, previousRoot, sealedAt } = head
  return Buffer.from(canonicalJson({ batch, previousRoot, root, sealedAt, size }))
}

export function keyIdOf(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16)
}

export function signHead(key: SigningKey, head: BatchHead): string {
  return sign(null, batchHeadBytes(head), key.privateKey).toString('base64')
}

const publicKeyCache = new Map<string, KeyObject>()

/** True when `signature` (base64) is a valid Ed25519 signature of the head by `publicKey` (base64 SPKI). */
export function verifyHead(publicKey: string, head: BatchHead, signature: string): boolean {
  try {
    let key = publicKeyCache.get(publicKey)
    if (!key) {
      key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' })
      publicKeyCache.set(publicKey, key)
    }
    return verify(null, batchHeadBytes(head), key, Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}

export class SigningKeyError extends Error {
  override name = 'SigningKeyError'
}

/** A public key the ledger trusts: its legacy id (see `keyIdOf`) and base64 SPKI DER. */
export interface PublicKeyRecord {
  id: string
  publicKey: string
}

function signingKeyOf(privateKey: KeyObject, where: string): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`${where} must be an Ed25519 key, not ${privateKey.asymmetricKeyType}`)
  }
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64')
  return { id: keyIdOf(publicKey), publicKey, privateKey }
}

/** The key of TORII_SIGNING_KEY: PEM, or base64 PKCS8 DER. */
export function signingKeyFromText(text: string, where = 'TORII_SIGNING_KEY'): SigningKey {
  let privateKey: KeyObject
  try {
    privateKey = text.includes('-----BEGIN')
      ? createPrivateKey(text)
      : createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' })
  } catch (error) {
    throw new SigningKeyError(
      `${where} is not an Ed25519 private key (PEM, or base64 PKCS8 DER): ${(error as Error).message}`
    )
  }
  return signingKeyOf(privateKey, where)
}

/** One PEM PUBLIC KEY block as the record the ledger trusts. */
export function publicKeyFromPem(pem: string, where: string): PublicKeyRecord {
  let key: KeyObject
  try {
    key = createPublicKey(pem)
  } catch (error) {
    throw new SigningKeyError(
      `${where} holds a PUBLIC KEY block that is not a key: ${(error as Error).message}`
    )
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`${where} holds a ${key.asymmetricKeyType} public key; only Ed25519 is used`)
  }
  const publicKey = key.export({ format: 'der', type: 'spki' }).toString('base64')
  return { id: keyIdOf(publicKey), publicKey }
}

export function signingKeyPem(key: SigningKey): string {
  return key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
}

export function publicKeyPem(key: PublicKeyRecord): string {
  return createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' })
    .export({ format: 'pem', type: 'spki' })
    .toString()
}

// An Ed25519 SPKI DER is this 12-byte header, then the 32-byte public key (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

/** A 32-byte Ed25519 public key as the record the ledger's batches name (base64 SPKI DER, legacy id). */
export function publicKeyOfRaw(raw: Uint8Array): PublicKeyRecord {
  const publicKey = Buffer.concat([ED25519_SPKI_PREFIX, raw]).toString('base64')
  return { id: keyIdOf(publicKey), publicKey }
}

/** A new Ed25519 key as base64 PKCS8 DER (the TORII_SIGNING_KEY format). */
export function generateSigningKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519')
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')
}
