import { existsSync, readFileSync } from 'node:fs'
import type { NoteVerifierKey } from '@torii/schema/log'
import {
  logOriginOfKeys,
  parseVerifierKeys,
  VerifierKeyError,
  type VerifierKeySource,
} from '../ledger/verify/verifier-keys.ts'
import { userPath } from './io.ts'
import { UsageError } from './usage.ts'

/** A C2SP verifier key's shape, to tell key text from a mistyped file name. */
const VERIFIER_KEY_SHAPE = /^[^+\s]+\+[0-9a-fA-F]{8}\+\S+$/

/**
 * Where the verifier keys to trust come from: each `--vkey` (key text, or a file of keys one a line), else
 * the file or key the operator pinned in TORII_VKEY. Never keys from the database, export or bundle under
 * test: with none given, verifying would only prove the thing agrees with itself.
 */
export function verifierKeySources(values: readonly string[] | undefined): VerifierKeySource[] {
  const given = values?.length ? values.map((value) => ({ value, flag: '--vkey' })) : []
  const pinned = process.env.TORII_VKEY
  if (!given.length && pinned) given.push({ value: pinned, flag: 'TORII_VKEY' })
  if (!given.length) {
    throw new UsageError(
      '--vkey VKEY is required: the verifier key from outside the ledger (the key text, as /log/vkey serves it, or a file of keys), or TORII_VKEY set to one'
    )
  }
  return given.map(({ value, flag }) => {
    const file = userPath(value)
    if (existsSync(file)) return { text: readFileSync(file, 'utf8'), where: `${flag} ${file}` }
    if (VERIFIER_KEY_SHAPE.test(value.trim())) return { text: value, where: flag }
    throw new UsageError(`${flag}: no file at ${file}, and ${JSON.stringify(value)} is not a verifier key`)
  })
}

/** The verifier keys of `verifierKeySources`, parsed (a key id that is not its key's is refused), of one log. */
export async function verifierKeysOption(values: readonly string[] | undefined): Promise<NoteVerifierKey[]> {
  const sources = verifierKeySources(values)
  try {
    const keys = await parseVerifierKeys(sources)
    logOriginOfKeys(keys)
    return keys
  } catch (error) {
    if (error instanceof VerifierKeyError) throw new UsageError(error.message)
    throw error
  }
}
