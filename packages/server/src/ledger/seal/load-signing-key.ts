import type { SqlClient } from '../../db/sql-client.ts'
import { type KeyFileContent, readKeyFile, writeKeyFile } from './key-file.ts'
import {
  generateSigningKey,
  type PublicKeyRecord,
  type SigningKey,
  SigningKeyError,
  signingKeyFromText,
} from './signing-key.ts'

export interface LoadKeyOptions {
  client: SqlClient
  /** TORII_SIGNING_KEY: the key itself, PEM or base64 PKCS8 DER. */
  signingKey?: string
  /** The key file (TORII_SIGNING_KEY_FILE, else beside the database); null when there is no such place. */
  keyFile: string | null
  now: () => Date
  /** Where what happened to the key is said: a key generated, or moved out of the database. */
  warn: (message: string) => void
}

/** The key that signs, and every public key the server trusts for its own checks (never the database's). */
export interface LoadedKeys {
  signingKey: SigningKey
  trusted: PublicKeyRecord[]
}

/**
 * The signing key from TORII_SIGNING_KEY or the key file, never from the database. A new ledger gets a new
 * key file (mode 0600); a ledger that has signed refuses to start without its key rather than sign with a
 * new one. Private keys an older Torii kept in `ledger_keys` are moved into the key file once (the first as
 * its signing key when there was none, the others as retired keys) and removed from the database (their
 * public halves stay). With TORII_SIGNING_KEY, the key file's keys (if any) stay trusted for the server's own
 * checks, and a database key is only removed once the key file keeps it. The key's public half is recorded in
 * `ledger_keys`.
 */
export async function loadSigningKey(options: LoadKeyOptions): Promise<LoadedKeys> {
  const { client, warn } = options
  const stored = (
    await client.execute(
      'SELECT id, private_key FROM ledger_keys WHERE private_key IS NOT NULL ORDER BY created_at, id'
    )
  ).rows.map((row) => ({ id: row.id as string, privateKey: row.private_key as string }))
  let signingKey: SigningKey
  let content: KeyFileContent | null
  const { keyFile } = options
  if (options.signingKey) {
    signingKey = signingKeyFromText(options.signingKey)
    content = keyFile ? readKeyFile(keyFile) : null
  } else {
    if (!keyFile) {
      throw new SigningKeyError(
        'the database is not a local file, so no signing key file can sit beside it: set TORII_SIGNING_KEY_FILE to the path of the key file (or TORII_SIGNING_KEY to the key)'
      )
    }
    content = readKeyFile(keyFile)
    if (!content && stored[0]) {
      const moved = signingKeyFromText(stored[0].privateKey, `the private key ${stored[0].id} in ledger_keys`)
      // Of several processes upgrading at once, one writes the file; the others read it.
      if (writeKeyFile(keyFile, { signingKey: moved, retired: [] }, false)) {
        warn(
          `torii: moved the ledger signing key ${moved.id} out of the database into ${keyFile} (mode 0600); back that file up apart from the database`
        )
      }
      content = readKeyFile(keyFile)
    }
    if (!content) content = await newKeyFile(client, keyFile, warn)
    signingKey = content.signingKey
  }
  if (stored.length) content = await removeStoredKeys(options, stored, signingKey, content)
  const trusted = uniqueKeys([signingKey, ...(content ? [content.signingKey, ...content.retired] : [])])
  await recordPublicKey(client, signingKey, options.now())
  return { signingKey, trusted }
}

const uniqueKeys = (keys: PublicKeyRecord[]): PublicKeyRecord[] =>
  keys.filter((key, i) => keys.findIndex((other) => other.id === key.id) === i)

/**
 * Removes the private keys an older Torii kept in `ledger_keys`, each only once it is kept elsewhere: the
 * signing key itself, or the key file (its public half added as a retired key, so the batches it signed stay
 * verifiable by the server). Without a key file (TORII_SIGNING_KEY alone) such a key stays, with a warning.
 * Answers the key file as it now is.
 */
async function removeStoredKeys(
  { client, keyFile, warn }: LoadKeyOptions,
  stored: { id: string; privateKey: string }[],
  signingKey: SigningKey,
  content: KeyFileContent | null
): Promise<KeyFileContent | null> {
  const others = stored
    .filter((key) => key.id !== signingKey.id)
    .map((key) => signingKeyFromText(key.privateKey, `the private key ${key.id} in ledger_keys`))
  const unkept = others.filter(
    (key) => !content || ![content.signingKey, ...content.retired].some((kept) => kept.id === key.id)
  )
  if (unkept.length && content && keyFile) {
    const retired = [...content.retired, ...unkept.map(({ id, publicKey }) => ({ id, publicKey }))]
    content = { signingKey: content.signingKey, retired }
    writeKeyFile(keyFile, content, true)
    warn(
      `torii: kept the public key of ledger key ${unkept.map((key) => key.id).join(', ')} in ${keyFile} as a retired key, so the batches it signed stay verifiable`
    )
  } else if (unkept.length) {
    warn(
      `torii: ledger key ${unkept.map((key) => key.id).join(', ')} (an older Torii's) is still in ledger_keys with its private half, and neither TORII_SIGNING_KEY nor a key file holds it: left there, or the batches it signed could not be verified. Move it out: run pnpm torii key rotate once without TORII_SIGNING_KEY (it keeps that key's public half in a key file and removes the private half), then keep TORII_SIGNING_KEY; see docs/log-operations.md, "Upgrading a database whose key is in ledger_keys"`
    )
  }
  // With a key file every key is now kept in it; without, only the signing key itself is kept elsewhere.
  const removable = content ? stored : stored.filter((key) => key.id === signingKey.id)
  if (removable.length) {
    // Only after the key is safely kept: from now on a copy of the database cannot sign with it.
    await client.execute({
      sql: `UPDATE ledger_keys SET private_key = NULL WHERE id IN (${removable.map(() => '?').join(', ')})`,
      args: removable.map((key) => key.id),
    })
    warn(
      `torii: removed the private half of ledger key ${removable.map((key) => key.id).join(', ')} from the database (an older Torii kept it there); its public key stays for verification. Copies of the database made before today still hold it: rotate the key (pnpm torii key rotate) if they may leak`
    )
  }
  return content
}

/** The key file of a ledger that has never signed; a ledger that has refuses (restoring the key is the fix). */
async function newKeyFile(
  client: SqlClient,
  keyFile: string,
  warn: (message: string) => void
): Promise<KeyFileContent> {
  const known = (await client.execute('SELECT id FROM ledger_keys ORDER BY created_at, id')).rows
  const batches = Number((await client.execute('SELECT count(*) AS n FROM batches')).rows[0]!.n)
  // A server starting at the same time may have just generated the key (and recorded it) after this one
  // found no file: its file is the ledger's key, not a missing one.
  const written = known.length || batches ? readKeyFile(keyFile) : null
  if (written) return written
  if (known.length || batches) {
    throw new SigningKeyError(
      `no signing key file at ${keyFile}: this ledger already has the signing key ${known.map((row) => row.id).join(', ') || '(unknown)'}, and a database copied without its key cannot sign. Restore the key file (mode 0600) from your backup, or set TORII_SIGNING_KEY_FILE to where it is; to go on with a new key on purpose, run pnpm torii key rotate`
    )
  }
  const signingKey = signingKeyFromText(generateSigningKey())
  if (writeKeyFile(keyFile, { signingKey, retired: [] }, false)) {
    warn(
      `torii: generated an Ed25519 ledger signing key ${signingKey.id} in ${keyFile} (mode 0600); back that file up apart from the database: without it this ledger cannot sign`
    )
  }
  // Another process may have written its own first: every process signs with the one in the file.
  const content = readKeyFile(keyFile)
  if (!content) throw new SigningKeyError(`the signing key file ${keyFile} disappeared while it was written`)
  return content
}

/** Records a public key in `ledger_keys` (listed at /log/vkey; verification never trusts this table). */
export async function recordPublicKey(client: SqlClient, key: PublicKeyRecord, now: Date): Promise<void> {
  await client.execute({
    sql: 'INSERT INTO ledger_keys (id, public_key, private_key, created_at) VALUES (?, ?, NULL, ?) ON CONFLICT DO NOTHING',
    args: [key.id, key.publicKey, now.toISOString()],
  })
}

/** Every public key the database records, by id: what the server lists, never what a verifier trusts. */
export async function loadPublicKeys(client: SqlClient): Promise<Map<string, string>> {
  const result = await client.execute('SELECT id, public_key FROM ledger_keys ORDER BY created_at, id')
  return new Map(result.rows.map((row) => [row.id as string, row.public_key as string]))
}
