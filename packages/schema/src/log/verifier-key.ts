// C2SP signed-note verifier keys, Ed25519 only: "<name>+<hex key id>+<base64(0x01 || public key)>".

import { concatBytes, decodeBase64, decodeHex, encodeBase64, quote, utf8 } from './bytes.ts'
import { LogError } from './log-error.ts'
import { sha256 } from './merkle-hash.ts'
import { assertKeyName } from './note.ts'

/** The signature type byte of Ed25519 in signed notes. */
export const ED25519_SIGNATURE_TYPE = 0x01
/** Bytes in an Ed25519 public key. */
export const ED25519_PUBLIC_KEY_SIZE = 32

/** A trusted Ed25519 note key: the name and id that signature lines carry, and the public key. */
export interface NoteVerifierKey {
  name: string
  keyId: number
  publicKey: Uint8Array
}

/** The key id: the first four bytes, big-endian, of SHA-256(name || "\n" || 0x01 || public key). */
export async function computeKeyId(name: string, publicKey: Uint8Array): Promise<number> {
  assertKeyName(name)
  assertPublicKey(publicKey)
  const hash = await sha256(
    concatBytes(utf8(`${name}\n`), new Uint8Array([ED25519_SIGNATURE_TYPE]), publicKey)
  )
  return ((hash[0] << 24) | (hash[1] << 16) | (hash[2] << 8) | hash[3]) >>> 0
}

/** A key id as eight lowercase hex digits. */
export function formatKeyId(keyId: number): string {
  return keyId.toString(16).padStart(8, '0')
}

/** Reads a verifier key, refusing other signature types, bad lengths and a key id that is not the key's. */
export async function parseVerifierKey(text: string): Promise<NoteVerifierKey> {
  const firstPlus = text.indexOf('+')
  const secondPlus = text.indexOf('+', firstPlus + 1)
  if (firstPlus < 0 || secondPlus < 0) {
    throw new LogError('BAD_VERIFIER_KEY', `verifier key ${quote(text)} is not <name>+<key id>+<key>`)
  }
  const name = text.slice(0, firstPlus)
  assertKeyName(name)
  const idText = text.slice(firstPlus + 1, secondPlus)
  if (idText.length !== 8) {
    throw new LogError(
      'BAD_VERIFIER_KEY',
      `key id ${quote(idText)} of verifier key ${name} is not 8 hex digits`
    )
  }
  const idBytes = decodeHex(idText, `key id of verifier key ${name}`)
  const keyId = ((idBytes[0] << 24) | (idBytes[1] << 16) | (idBytes[2] << 8) | idBytes[3]) >>> 0
  const key = decodeBase64(text.slice(secondPlus + 1), `key of verifier key ${name}`)
  if (key.length === 0) throw new LogError('BAD_VERIFIER_KEY', `verifier key ${name} has no key`)
  if (key[0] !== ED25519_SIGNATURE_TYPE) {
    throw new LogError(
      'UNSUPPORTED_KEY_TYPE',
      `verifier key ${name} has signature type ${key[0]}, only Ed25519 (1) is supported`
    )
  }
  const publicKey = key.slice(1)
  if (publicKey.length !== ED25519_PUBLIC_KEY_SIZE) {
    throw new LogError(
      'BAD_VERIFIER_KEY',
      `verifier key ${name} has a ${publicKey.length}-byte key, Ed25519 needs 32`
    )
  }
  const expected = await computeKeyId(name, publicKey)
  if (expected !== keyId) {
    throw new LogError(
      'KEY_ID_MISMATCH',
      `verifier key ${name} says key id ${idText} but its key has id ${formatKeyId(expected)}`
    )
  }
  return { name, keyId, publicKey }
}

/** Writes the verifier key text of an Ed25519 public key under `name`. */
export async function formatVerifierKey(name: string, publicKey: Uint8Array): Promise<string> {
  const keyId = await computeKeyId(name, publicKey)
  const key = concatBytes(new Uint8Array([ED25519_SIGNATURE_TYPE]), publicKey)
  return `${name}+${formatKeyId(keyId)}+${encodeBase64(key)}`
}

function assertPublicKey(publicKey: Uint8Array): void {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== ED25519_PUBLIC_KEY_SIZE) {
    throw new LogError('BAD_VERIFIER_KEY', `an Ed25519 public key must be ${ED25519_PUBLIC_KEY_SIZE} bytes`)
  }
}
