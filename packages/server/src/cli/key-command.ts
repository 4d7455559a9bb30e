import { formatVerifierKey } from '@torii/schema/log'
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

/** `torii key rotate|vkey [--db URL] [--key-file FILE] [--origin ORIGIN]`. */
export async function keyCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'rotate' && sub !== 'vkey')
    throw new UsageError(`key: unknown subcommand ${JSON.stringify(sub ?? '')} (expected rotate or vkey)`)
  const values = parse(rest, OPTIONS)
  if (process.env.TORII_SIGNING_KEY) {
    throw new UsageError(
      'key: TORII_SIGNING_KEY is set, so the key comes from the environment, not a key file: generate a new key there (e.g. openssl genpkey -algorithm ed25519) and keep the old public key for verifiers, or unset it to use the key file'
    )
  }
  const origin = sub === 'vkey' ? logOriginOption(values.origin) : null
  const database = await openDatabase(values.db, true)
  try {
    const databaseFile = await localFileOf(database.client)
    const explicit = values['key-file'] ?? process.env.TORII_SIGNING_KEY_FILE
    const keyFile = explicit ? userPath(explicit) : databaseFile ? keyFileBeside(databaseFile) : null
    if (!keyFile) throw new UsageError('--key-file FILE is required: the database is not a local file')
    const content = readKeyFile(keyFile)
    if (sub === 'vkey') {
      if (!content) throw new SigningKeyError(`no signing key file at ${keyFile}`)
      for (const key of [content.signingKey, ...content.retired])
        io.out(await formatVerifierKey(origin!, rawPublicKey(key.publicKey)))
      return 0
    }
    const signingKey = signingKeyFromText(generateSigningKey())
    const retired: PublicKeyRecord[] = content ? [...content.retired, content.signingKey] : []
    // A key an older Torii kept in the database: its public half stays trusted, its private half goes.
    const stored = await database.client.execute(
      'SELECT id, public_key FROM ledger_keys WHERE private_key IS NOT NULL ORDER BY created_at, id'
    )
    for (const row of stored.rows) {
      if (!retired.some((key) => key.id === row.id))
        retired.push({ id: row.id as string, publicKey: row.public_key as string })
    }
    const kept = retired.map(({ id, publicKey }) => ({ id, publicKey }))
    writeKeyFile(keyFile, { signingKey, retired: kept }, true)
    await recordPublicKey(database.client, signingKey, new Date())
    await database.client.execute('UPDATE ledger_keys SET private_key = NULL WHERE private_key IS NOT NULL')
    io.out(`key rotate: ${keyFile} now holds the new signing key ${signingKey.id} (mode 0600)`)
    if (kept.length)
      io.out(`kept for verification: ${kept.map((key) => key.id).join(', ')} (public keys only)`)
    if (!content)
      io.out(`there was no key file at ${keyFile}: keys the ledger signed with before are not in it`)
    io.out('Restart every server process on this database: each signs with the key it read at start.')
    io.out('Publish the new verifier key (pnpm torii key vkey) where your verifiers pin keys.')
    return 0
  } finally {
    database.close()
  }
}
