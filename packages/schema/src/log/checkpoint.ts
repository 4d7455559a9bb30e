// C2SP tlog-checkpoint: the note text "<origin>\n<tree size>\n<base64 root hash>\n[<extension line>\n]*".

import { decodeBase64, encodeBase64, quote } from './bytes.ts'
import { assertSize, LogError } from './log-error.ts'
import { HASH_SIZE } from './merkle-hash.ts'
import { assertNoteText } from './note.ts'
import { type VerifiedNote, verifyNote } from './note-verify.ts'
import type { NoteVerifierKey } from './verifier-key.ts'

const TREE_SIZE_PATTERN = /^(?:0|[1-9][0-9]*)$/

/** A log's signed tree head: which log, how many leaves, their Merkle root. */
export interface Checkpoint {
  origin: string
  treeSize: number
  rootHash: Uint8Array
  /** Opaque lines after the root hash (the spec discourages them; Torii writes none). */
  extensions: string[]
}

/** Options of parseCheckpoint and verifyCheckpoint. */
export interface CheckpointOptions {
  /** The origin the caller expects; any other is refused. */
  origin?: string
}

/** Reads checkpoint note text (without signatures), refusing anything the C2SP format does not allow. */
export function parseCheckpoint(text: string, options: CheckpointOptions = {}): Checkpoint {
  try {
    assertNoteText(text, 'checkpoint')
  } catch (error) {
    throw new LogError('BAD_CHECKPOINT', (error as Error).message)
  }
  const lines = text.slice(0, -1).split('\n')
  if (lines.length < 3) {
    throw new LogError(
      'BAD_CHECKPOINT',
      `checkpoint has ${lines.length} lines, needs origin, tree size and root hash`
    )
  }
  const empty = lines.indexOf('')
  if (empty >= 0) throw new LogError('BAD_CHECKPOINT', `checkpoint line ${empty + 1} is empty`)
  const [origin, sizeText, rootText, ...extensions] = lines
  if (!TREE_SIZE_PATTERN.test(sizeText)) {
    throw new LogError(
      'BAD_CHECKPOINT',
      `checkpoint tree size ${quote(sizeText)} is not a decimal without leading zeros`
    )
  }
  const treeSize = Number(sizeText)
  if (!Number.isSafeInteger(treeSize)) {
    throw new LogError(
      'BAD_CHECKPOINT',
      `checkpoint tree size ${sizeText} is larger than this verifier handles (2^53 - 1)`
    )
  }
  const rootHash = decodeCheckpointRoot(rootText)
  if (options.origin !== undefined && origin !== options.origin) {
    throw new LogError(
      'ORIGIN_MISMATCH',
      `checkpoint is for log ${quote(origin)}, expected ${quote(options.origin)}`
    )
  }
  return { origin, treeSize, rootHash, extensions }
}

/** Writes checkpoint note text; the origin must also be a valid key name (no spaces, no "+"). */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, treeSize, rootHash, extensions } = checkpoint
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (origin === '' || /[\s+\u0000-\u001f]/u.test(origin)) {
    throw new LogError(
      'BAD_CHECKPOINT',
      `checkpoint origin ${quote(origin)} is empty or has a space, "+" or control character`
    )
  }
  assertSize(treeSize, 'checkpoint tree size')
  if (!(rootHash instanceof Uint8Array) || rootHash.length !== HASH_SIZE) {
    throw new LogError('BAD_CHECKPOINT', `checkpoint root hash must be ${HASH_SIZE} bytes`)
  }
  for (const line of extensions) {
    if (line === '' || line.includes('\n')) {
      throw new LogError('BAD_CHECKPOINT', `checkpoint extension line ${quote(line)} is empty or spans lines`)
    }
  }
  const text = `${[origin, String(treeSize), encodeBase64(rootHash), ...extensions].join('\n')}\n`
  try {
    assertNoteText(text, 'checkpoint')
  } catch (error) {
    throw new LogError('BAD_CHECKPOINT', (error as Error).message)
  }
  return text
}

/** Verifies a signed checkpoint against trusted keys and reads it; the origin is checked when given. */
export async function verifyCheckpoint(
  signedNote: string | Uint8Array,
  keys: readonly NoteVerifierKey[],
  options: CheckpointOptions = {}
): Promise<{ checkpoint: Checkpoint; note: VerifiedNote }> {
  const note = await verifyNote(signedNote, keys)
  return { checkpoint: parseCheckpoint(note.text, options), note }
}

function decodeCheckpointRoot(text: string): Uint8Array {
  let root: Uint8Array
  try {
    root = decodeBase64(text, 'checkpoint root hash')
  } catch (error) {
    throw new LogError('BAD_CHECKPOINT', (error as Error).message)
  }
  if (root.length !== HASH_SIZE) {
    throw new LogError(
      'BAD_CHECKPOINT',
      `checkpoint root hash is ${root.length} bytes, a SHA-256 hash is ${HASH_SIZE}`
    )
  }
  return root
}
