import { formatVerifierKey } from '@torii/schema/log'
import type { SqlClient } from '../db/sql-client.ts'
import { rawPublicKey } from '../ledger/seal/checkpoint-signer.ts'
import { keyFileBeside, readKeyFile, writeKeyFile } from '../ledger/seal/key-file.ts'
import { recordPublicKey } from '../ledger/seal/load-signing-key.ts'
import {
  generateSigningKey,
  type PublicKeyRecord,
  SigningKeyError,
  signingKeyFromText,
} from '../ledger/seal/signing-key.ts'
import { localFileOf } from '../ledger/write/writer.ts'
import { type CliIo, userPath } from './io.ts'
import { logOriginOption } from './log-origin.ts'
import { openDatabase } from './open-db.ts'
import { parse, UsageError } from './usage.ts'

const OPTIONS = {
  db: { type: 'string' },
  'key-file': { type: 'string' },
  origin: { type: 'string' },
} as const

/** `torii key vkey|rotate [--db URL] [--key-file FILE] [--origin ORIGIN]`. */
export async function keyCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'rotate' && sub !== 'vkey')
    throw new UsageError(`key: unknown subcommand ${JSON.stringify(sub ?? '')} (expected rotate or vkey)`)
  const values = parse(rest, OPTIONS)
  const origin = sub === 'vkey' ? logOriginOption(values.origin) : ''
  const database = await openDatabase(values.db, true)
  try {
    const databaseFile = await localFileOf(database.client)
    const explicit = values['key-file'] ?? process.env.TORII_SIGNING_KEY_FILE
    const keyFile = explicit ? userPath(explicit) : databaseFile ? keyFileBeside(databaseFile) : null
    if (sub === 'vkey') return await printVerifierKeys(io, keyFile, origin)
    if (process.env.TORII_SIGNING_KEY) {
      throw new SigningKeyError(
        'key rotate: TORII_SIGNING_KEY is set, so the key comes from the environment, not a key file: set a new key there (openssl genpkey -algorithm ed25519) and keep publishing the old public key, or unset it to use the key file'
      )
    }
    if (!keyFile) throw new UsageError('--key-file FILE is required: the database is not a local file')
    return await rotate(io, database.client, keyFile)
  } finally {
    await database.close()
  }
}

/** The verifier keys to pin and publish: the signing key's first, then the retired ones (key file order). */
async function printVerifierKeys(io: CliIo, keyFile: string | null, origin: string): Promise<number> {
  let keys: PublicKeyRecord[]
  if (process.env.TORII_SIGNING_KEY) keys = [signingKeyFromText(process.env.TORII_SIGNING_KEY)]
  else {
    const content = keyFile ? readKeyFile(keyFile) : null
    if (!content) throw new SigningKeyError(`no signing key file at ${keyFile ?? '(none: set --key-file)'}`)
    keys = [content.signingKey, ...content.retired]
  }
  for (const key of keys) io.out(await formatVerifierKey(origin, rawPublicKey(key.publicKey)))
  return 0
}

/** A new signing key in the key file; the old key's public half kept there and in `ledger_keys`. */
async function rotate(io: CliIo, client: SqlClient, keyFile: string): Promise<number> {
  const content = readKeyFile(keyFile)
  const retired: PublicKeyRecord[] = content ? [...content.retired, content.signingKey] : []
  // A key an older Torii kept in the database: its public half stays trusted, its private half goes.
  const stored = await client.execute(
    'SELECT id, public_key FROM ledger_keys WHERE private_key IS NOT NULL ORDER BY created_at, id'
  )
  for (const row of stored.rows) {
    if (!retired.some((key) => key.id === row.id))
      retired.push({ id: row.id as string, publicKey: row.public_key as string })
  }
  const kept = retired.map(({ id, publicKey }) => ({ id, publicKey }))
  const signingKey = signingKeyFromText(generateSigningKey())
  writeKeyFile(keyFile, { signingKey, retired: kept }, true)
  await recordPublicKey(client, signingKey, new Date())
  await client.execute('UPDATE ledger_keys SET private_key = NULL WHERE private_key IS NOT NULL')
  io.out(`key rotate: ${keyFile} now holds the new signing key ${signingKey.id} (mode 0600)`)
  if (kept.length) io.out(`kept for verification: ${kept.map((key) => key.id).join(', ')} (public keys only)`)
  if (!content)
    io.out(`there was no key file at ${keyFile}: keys the ledger signed with before are not in it`)
  io.out('Restart every server process on this database: each signs with the key it read at start.')
  io.out('Publish the new verifier key (pnpm torii key vkey) where your verifiers pin keys.')
  return 0
}
