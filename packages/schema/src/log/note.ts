// C2SP signed-note syntax: text, a blank line, then lines "— <key name> <base64(key id || signature)>".

import { decodeBase64, decodeUtf8, encodeBase64, quote, utf8 } from './bytes.ts'
import { LogError } from './log-error.ts'

/** Largest note accepted, in UTF-8 bytes (the spec asks verifiers to bound notes). */
export const MAX_NOTE_BYTES = 1 << 20
/** Most signature lines accepted in a note (the spec asks for at least 16). */
export const MAX_NOTE_SIGNATURES = 100

const SIGNATURE_PREFIX = '\u2014 '
const NEWLINE = 10

/** One signature line of a note. */
export interface NoteSignature {
  /** The key name. */
  name: string
  /** The 32-bit key id, as an unsigned number. */
  keyId: number
  /** The signature bytes after the key id. */
  signature: Uint8Array
}

/** A note as written: its text (ending in a newline) and its signature lines, none of them checked yet. */
export interface Note {
  text: string
  signatures: NoteSignature[]
}

/** Splits a signed note into text and signature lines, refusing anything the C2SP syntax does not allow. */
export function parseNote(input: string | Uint8Array): Note {
  const note = typeof input === 'string' ? input : decodeNoteBytes(input)
  assertNoteText(note, 'note')
  if (utf8(note).length > MAX_NOTE_BYTES) {
    throw new LogError('NOTE_TOO_LARGE', `note is larger than ${MAX_NOTE_BYTES} bytes`)
  }
  // The text ends at the last blank line: the text itself may contain blank lines, signatures may not.
  const blank = note.lastIndexOf('\n\n')
  if (blank < 0) throw new LogError('BAD_NOTE', 'note has no blank line before its signatures')
  const text = note.slice(0, blank + 1)
  const lines = note.slice(blank + 2).split('\n')
  if (lines.pop() !== '') throw new LogError('BAD_NOTE', 'note does not end with a newline')
  if (lines.length === 0) throw new LogError('BAD_NOTE', 'note has no signature lines')
  if (lines.length > MAX_NOTE_SIGNATURES) {
    throw new LogError(
      'TOO_MANY_SIGNATURES',
      `note has ${lines.length} signatures, more than ${MAX_NOTE_SIGNATURES}`
    )
  }
  return { text, signatures: lines.map(parseSignatureLine) }
}

/** Writes a note: its text, a blank line, one line per signature. */
export function formatNote(note: Note): string {
  assertNoteText(note.text, 'note text')
  if (note.signatures.length === 0) throw new LogError('BAD_NOTE', 'a note needs at least one signature')
  return `${note.text}\n${note.signatures.map(formatSignatureLine).join('')}`
}

/** Throws unless `name` is a valid key name: non-empty, no Unicode space, no "+", no control character. */
export function assertKeyName(name: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (name === '' || /[\s+\u0000-\u001f]/u.test(name)) {
    throw new LogError(
      'BAD_KEY_NAME',
      `key name ${quote(name)} is empty or has a space, "+" or control character`
    )
  }
}

/** Throws unless `text` is note text: ends in a newline, well-formed, no control character but newline. */
export function assertNoteText(text: string, what: string): void {
  if (!text.endsWith('\n')) throw new LogError('BAD_NOTE', `${what} does not end with a newline`)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 && code !== NEWLINE) {
      throw new LogError('BAD_NOTE', `${what} has control character U+${hex4(code)} at offset ${i}`)
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const pairs = code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
      if (!pairs)
        throw new LogError('BAD_NOTE', `${what} has a lone surrogate at offset ${i}, so it is not UTF-8`)
      i++
    }
  }
}

function decodeNoteBytes(bytes: Uint8Array): string {
  if (bytes.length > MAX_NOTE_BYTES)
    throw new LogError('NOTE_TOO_LARGE', `note is larger than ${MAX_NOTE_BYTES} bytes`)
  const text = decodeUtf8(bytes)
  if (text === undefined) throw new LogError('BAD_NOTE', 'note is not valid UTF-8')
  return text
}

function parseSignatureLine(line: string, position: number): NoteSignature {
  const where = `signature line ${position + 1}`
  if (!line.startsWith(SIGNATURE_PREFIX)) {
    throw new LogError('BAD_NOTE', `${where} does not start with an em dash and a space: ${quote(line)}`)
  }
  const rest = line.slice(SIGNATURE_PREFIX.length)
  const space = rest.indexOf(' ')
  if (space < 0)
    throw new LogError('BAD_NOTE', `${where} has no space between key name and signature: ${quote(line)}`)
  const name = rest.slice(0, space)
  assertKeyName(name)
  const bytes = decodeBase64(rest.slice(space + 1), `${where} (${name})`)
  if (bytes.length < 5)
    throw new LogError('BAD_NOTE', `${where} (${name}) is too short to hold a key id and a signature`)
  const keyId = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0
  return { name, keyId, signature: bytes.slice(4) }
}

function formatSignatureLine(signature: NoteSignature): string {
  assertKeyName(signature.name)
  if (!Number.isInteger(signature.keyId) || signature.keyId < 0 || signature.keyId > 0xffffffff) {
    throw new LogError('BAD_NOTE', `key id of ${signature.name} must be a 32-bit unsigned integer`)
  }
  if (signature.signature.length === 0)
    throw new LogError('BAD_NOTE', `signature by ${signature.name} is empty`)
  const id = signature.keyId
  const bytes = new Uint8Array(4 + signature.signature.length)
  bytes.set([id >>> 24, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff])
  bytes.set(signature.signature, 4)
  return `${SIGNATURE_PREFIX}${signature.name} ${encodeBase64(bytes)}\n`
}

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0')
}
