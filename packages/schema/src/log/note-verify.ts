// Verifying a signed note against keys given out of band, with the C2SP rules for unknown keys.

import { asBufferSource, encodeBase64, utf8 } from './bytes.ts'
import { LogError } from './log-error.ts'
import { type NoteSignature, parseNote } from './note.ts'
import { computeKeyId, formatKeyId, type NoteVerifierKey } from './verifier-key.ts'

const ED25519 = { name: 'Ed25519' }
const ED25519_SIGNATURE_SIZE = 64

/** A note whose text may be trusted: at least one signature by a given key verified. */
export interface VerifiedNote {
  text: string
  /** Signatures by given keys, all of which verified. */
  verified: NoteSignature[]
  /** Signatures by keys not given (witnesses, rotated keys): ignored, as the spec requires. */
  unverified: NoteSignature[]
}

/** Parses a note and checks it against trusted keys: every signature by a known key must verify, and one must exist. */
export async function verifyNote(
  input: string | Uint8Array,
  keys: readonly NoteVerifierKey[]
): Promise<VerifiedNote> {
  const note = parseNote(input)
  await assertKeyIds(keys)
  const message = utf8(note.text)
  const verified: NoteSignature[] = []
  const unverified: NoteSignature[] = []
  const seen = new Set<string>()
  for (const signature of note.signatures) {
    const label = `${signature.name}+${formatKeyId(signature.keyId)}`
    // A repeated line adds nothing; counting it twice would only inflate the result.
    const line = `${label} ${encodeBase64(signature.signature)}`
    if (seen.has(line)) continue
    seen.add(line)
    // A key is known only by name and id together; sharing one of them is not enough.
    const matches = keys.filter((key) => key.name === signature.name && key.keyId === signature.keyId)
    if (matches.length > 1) throw new LogError('AMBIGUOUS_KEY', `more than one given key is ${label}`)
    if (matches.length === 0) {
      unverified.push(signature)
      continue
    }
    if (!(await verifyEd25519(matches[0].publicKey, signature.signature, message))) {
      throw new LogError('BAD_SIGNATURE', `signature by ${label} does not verify the note text`)
    }
    verified.push(signature)
  }
  if (verified.length === 0) {
    const known = keys.map((key) => `${key.name}+${formatKeyId(key.keyId)}`).join(', ') || 'none'
    const signers = note.signatures.map((s) => `${s.name}+${formatKeyId(s.keyId)}`).join(', ')
    throw new LogError(
      'NO_KNOWN_SIGNATURE',
      `note is signed by ${signers}, none of them a given key (${known})`
    )
  }
  return { text: note.text, verified, unverified }
}

/** Key objects may be built by hand: each one's id must still be the one its name and public key give. */
async function assertKeyIds(keys: readonly NoteVerifierKey[]): Promise<void> {
  for (const key of keys) {
    const keyId = await computeKeyId(key.name, key.publicKey)
    if (keyId !== key.keyId) {
      throw new LogError(
        'KEY_ID_MISMATCH',
        `given key ${key.name}+${formatKeyId(key.keyId)} has a public key whose id is ${formatKeyId(keyId)}`
      )
    }
  }
}

async function verifyEd25519(
  publicKey: Uint8Array,
  signature: Uint8Array,
  message: Uint8Array
): Promise<boolean> {
  if (signature.length !== ED25519_SIGNATURE_SIZE) return false
  const key = await crypto.subtle.importKey('raw', asBufferSource(publicKey), ED25519, false, ['verify'])
  return crypto.subtle.verify(ED25519, key, asBufferSource(signature), asBufferSource(message))
}
