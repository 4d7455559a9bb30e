import { LogError, type NoteVerifierKey, parseVerifierKey } from '@torii/schema/log'
import { publicKeyOfRaw } from '../seal/signing-key.ts'

/** Verifier key text given out of band (`--vkey`, a pinned file) and where it came from, for errors. */
export interface VerifierKeySource {
  text: string
  where: string
}

export class VerifierKeyError extends Error {
  override name = 'VerifierKeyError'
}

/**
 * The C2SP verifier keys in `sources`: each source is one key, or several one a line (blank lines and `#`
 * comments skipped). A key whose id is not the one its name and key give is refused (`parseVerifierKey`).
 */
export async function parseVerifierKeys(sources: readonly VerifierKeySource[]): Promise<NoteVerifierKey[]> {
  const keys: NoteVerifierKey[] = []
  for (const { text, where } of sources) {
    const lines = text.split(/\r?\n/).map((line) => line.trim())
    for (const [index, line] of lines.entries()) {
      if (!line || line.startsWith('#')) continue
      try {
        keys.push(await parseVerifierKey(line))
      } catch (error) {
        if (!(error instanceof LogError)) throw error
        const at = lines.length > 1 ? `${where} line ${index + 1}` : where
        throw new VerifierKeyError(`${at}: ${error.message}`)
      }
    }
  }
  if (keys.length === 0)
    throw new VerifierKeyError(`${sources.map((s) => s.where).join(', ')} holds no verifier key`)
  return keys
}

/**
 * The keys as batch signatures name them (base64 SPKI DER by the legacy key id, see `keyIdOf`): a batch
 * head is signed by the same Ed25519 key as the checkpoints, whatever the verifier key's name.
 */
export function batchKeysOf(keys: readonly NoteVerifierKey[]): Map<string, string> {
  return new Map(
    keys.map((key) => publicKeyOfRaw(key.publicKey)).map((record) => [record.id, record.publicKey])
  )
}

/**
 * The log's origin the keys are for: Torii names its key by the origin, so a checkpoint of another origin, or
 * signed under another name, is not this log's. Keys for several origins are refused.
 */
export function logOriginOfKeys(keys: readonly NoteVerifierKey[]): string {
  const names = [...new Set(keys.map((key) => key.name))]
  if (names.length !== 1) {
    throw new VerifierKeyError(
      `the verifier keys name ${names.length} logs (${names.join(', ')}); give the keys of one`
    )
  }
  return names[0]!
}
