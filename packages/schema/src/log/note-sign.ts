// Signing notes with Ed25519 through WebCrypto (Node ≥ 20; browsers with WebCrypto Ed25519).

import { asBufferSource, concatBytes, decodeBase64, utf8 } from './bytes.ts'
import { LogError } from './log-error.ts'
import { assertNoteText, formatNote, type NoteSignature } from './note.ts'
import { computeKeyId, type NoteVerifierKey } from './verifier-key.ts'

/** The private key type of whichever WebCrypto this runs on. */
export type SigningKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>

/** A key that signs notes: its name and id, the private key and the public key its verifier key carries. */
export interface NoteSigner extends NoteVerifierKey {
  privateKey: SigningKey
}

const ED25519 = { name: 'Ed25519' }
const ED25519_SEED_SIZE = 32
// RFC 8410 PKCS #8 wrapping of a 32-byte Ed25519 seed: the only private-key import WebCrypto offers.
const PKCS8_ED25519_PREFIX = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
])

/** A note signer from a 32-byte Ed25519 private key seed (RFC 8032), named `name`. */
export async function createNoteSigner(name: string, seed: Uint8Array): Promise<NoteSigner> {
  if (!(seed instanceof Uint8Array) || seed.length !== ED25519_SEED_SIZE) {
    throw new LogError('BAD_VERIFIER_KEY', `an Ed25519 private key seed must be ${ED25519_SEED_SIZE} bytes`)
  }
  const pkcs8 = asBufferSource(concatBytes(PKCS8_ED25519_PREFIX, seed))
  // Extractable once, to read the public key out of the JWK; the signer keeps a non-extractable copy.
  const exportable = await crypto.subtle.importKey('pkcs8', pkcs8, ED25519, true, ['sign'])
  const jwk = await crypto.subtle.exportKey('jwk', exportable)
  const publicKey = decodeBase64Url(jwk.x ?? '')
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, ED25519, false, ['sign'])
  return { name, keyId: await computeKeyId(name, publicKey), publicKey, privateKey }
}

/** Signs note `text` with each signer and returns the signed note. */
export async function signNote(text: string, signers: readonly NoteSigner[]): Promise<string> {
  assertNoteText(text, 'note text')
  const message = asBufferSource(utf8(text))
  const signatures: NoteSignature[] = []
  for (const signer of signers) {
    const signature = new Uint8Array(await crypto.subtle.sign(ED25519, signer.privateKey, message))
    signatures.push({ name: signer.name, keyId: signer.keyId, signature })
  }
  return formatNote({ text, signatures })
}

function decodeBase64Url(text: string): Uint8Array {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/')
  return decodeBase64(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='), 'public key of the JWK')
}
