import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import {
  type PublicKeyRecord,
  publicKeyFromPem,
  publicKeyPem,
  type SigningKey,
  SigningKeyError,
  signingKeyFromText,
  signingKeyPem,
} from './signing-key.ts'

/**
 * A key file: the signing key (PEM PKCS8, as `openssl genpkey -algorithm ed25519` writes it) and after it
 * the public keys it replaced (PEM SPKI, oldest first), which the server keeps trusting for old batches.
 */
export interface KeyFileContent {
  signingKey: SigningKey
  retired: PublicKeyRecord[]
}

/** Where the key lives by default: beside the database, named so `cp torii.db*` does not copy it along. */
export function keyFileBeside(databaseFile: string): string {
  return join(dirname(databaseFile), `${basename(databaseFile, extname(databaseFile))}-signing-key.pem`)
}

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----\r?\n[A-Za-z0-9+/=\r\n]*-----END \1-----\r?\n?/g

/** Reads a key file; null when there is none. Refuses one that others may read, or that is not a key file. */
export function readKeyFile(path: string): KeyFileContent | null {
  let mode: number
  try {
    mode = statSync(path).mode
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new SigningKeyError(`cannot read the signing key file ${path}: ${(error as Error).message}`)
  }
  // Windows has no such permission bits to check.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new SigningKeyError(
      `the signing key file ${path} can be read by others (mode ${(mode & 0o777).toString(8)}): run chmod 600 ${path}`
    )
  }
  const text = readFileSync(path, 'utf8')
  const blocks = [...text.matchAll(PEM_BLOCK)]
  const outside = text.replace(PEM_BLOCK, '').trim()
  const privateBlocks = blocks.filter((block) => block[1] === 'PRIVATE KEY')
  const expected = 'one Ed25519 private key in PEM (PKCS8, as `openssl genpkey -algorithm ed25519` writes)'
  if (
    outside ||
    privateBlocks.length !== 1 ||
    blocks.some((b) => !['PRIVATE KEY', 'PUBLIC KEY'].includes(b[1]!))
  ) {
    throw new SigningKeyError(
      `the signing key file ${path} is not a key file: it must hold ${expected}, then optionally the PUBLIC KEY blocks of retired keys`
    )
  }
  const where = `the signing key file ${path}`
  return {
    signingKey: signingKeyFromText(privateBlocks[0]![0], where),
    retired: blocks
      .filter((block) => block[1] === 'PUBLIC KEY')
      .map((block) => publicKeyFromPem(block[0], where)),
  }
}

function keyFileText({ signingKey, retired }: KeyFileContent): string {
  return [signingKeyPem(signingKey), ...retired.map((key) => publicKeyPem(key))].join('')
}

/**
 * Writes a key file with mode 0600, whole or not at all: into a temporary file first, then linked into place
 * (`replace` false: fails with false if the file exists, so of two processes generating at once one wins)
 * or renamed over it (`replace` true, key rotation).
 */
export function writeKeyFile(path: string, content: KeyFileContent, replace: boolean): boolean {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  let fd: number
  try {
    fd = openSync(temporary, 'wx', 0o600)
  } catch (error) {
    throw new SigningKeyError(`cannot write the signing key file ${path}: ${(error as Error).message}`)
  }
  try {
    chmodSync(temporary, 0o600)
    writeSync(fd, keyFileText(content))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    if (replace) {
      renameSync(temporary, path)
      return true
    }
    try {
      linkSync(temporary, path)
      return true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
      throw new SigningKeyError(`cannot write the signing key file ${path}: ${(error as Error).message}`)
    }
  } finally {
    if (!replace) unlinkSync(temporary)
    syncFolder(dirname(path))
  }
}

/** Makes the new directory entry durable (a power cut must not lose a key that has signed). */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Not supported on every platform (Windows): the file itself was synced.
  }
}
