import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto'
import type { Client } from '@libsql/client'
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

function fromPkcs8(base64: string): SigningKey {
  let privateKey: KeyObject
  try {
    privateKey = base64.includes('-----BEGIN')
      ? createPrivateKey(base64)
      : createPrivateKey({ key: Buffer.from(base64.trim(), 'base64'), format: 'der', type: 'pkcs8' })
  } catch (error) {
    throw new SigningKeyError(
      `TORII_SIGNING_KEY is not an Ed25519 private key (PEM, or base64 PKCS8 DER): ${(error as Error).message}`
    )
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`TORII_SIGNING_KEY must be an Ed25519 key, not ${privateKey.asymmetricKeyType}`)
  }
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64')
  return { id: keyIdOf(publicKey), publicKey, privateKey }
}

/** A new Ed25519 key as base64 PKCS8 DER (the TORII_SIGNING_KEY format). */
export function generateSigningKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519')
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')
}

export interface LoadKeyOptions {
  client: Client
  signingKey?: string
  now: () => Date
  warn: (message: string) => void
}

/**
 * The key from `signingKey` (TORII_SIGNING_KEY), recorded in `ledger_keys` (public half only); otherwise the
 * oldest generated key in the database, or a new one generated and stored there with a warning.
 */
export async function loadSigningKey(options: LoadKeyOptions): Promise<SigningKey> {
  const { client, now } = options
  if (options.signingKey) {
    const key = fromPkcs8(options.signingKey)
    await client.execute({
      sql: 'INSERT OR IGNORE INTO ledger_keys (id, public_key, private_key, created_at) VALUES (?, ?, NULL, ?)',
      args: [key.id, key.publicKey, now().toISOString()],
    })
    return key
  }
  const stored = async () =>
    (
      await client.execute(
        'SELECT private_key FROM ledger_keys WHERE private_key IS NOT NULL ORDER BY created_at, id LIMIT 1'
      )
    ).rows[0]?.private_key as string | undefined
  const existing = await stored()
  if (existing) return fromPkcs8(existing)
  const generated = fromPkcs8(generateSigningKey())
  // Two processes starting at once may both generate: keep whichever committed first.
  const tx = await client.transaction('write')
  try {
    const again = (
      await tx.execute(
        'SELECT private_key FROM ledger_keys WHERE private_key IS NOT NULL ORDER BY created_at, id LIMIT 1'
      )
    ).rows[0]?.private_key as string | undefined
    if (again) {
      await tx.commit()
      return fromPkcs8(again)
    }
    await tx.execute({
      sql: 'INSERT INTO ledger_keys (id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)',
      args: [
        generated.id,
        generated.publicKey,
        generated.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        now().toISOString(),
      ],
    })
    await tx.commit()
  } finally {
    tx.close()
  }
  options.warn(
    `torii: no TORII_SIGNING_KEY set; generated an Ed25519 ledger signing key ${generated.id} and stored it in the database (set TORII_SIGNING_KEY to keep the key out of the database)`
  )
  return generated
}

/** Every public key the ledger has signed with, by key id. */
export async function loadPublicKeys(client: Client): Promise<Map<string, string>> {
  const result = await client.execute('SELECT id, public_key FROM ledger_keys')
  return new Map(result.rows.map((row) => [row.id as string, row.public_key as string]))
}
