import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'
import { type HashingQueue, PROCESS_HASHING_QUEUE } from './hashing-queue.ts'

/** scrypt parameters (one of OWASP's equivalent choices: N=2^15, r=8, p=3; 32 MB); stored with each hash so they can be raised later. */
const PARAMS = { N: 2 ** 15, r: 8, p: 3 }
const KEY_LENGTH = 32
const MAX_MEM = 256 * 1024 * 1024

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, { ...options, maxmem: MAX_MEM }, (error, key) =>
      error ? reject(error) : resolve(key)
    )
  })
}

/**
 * The scheme of a one-time password's hash: it signs in like any other, and then the user must change it
 * before the API does anything else (see `mustChangePassword`). Kept in the hash, so no column is needed.
 */
const ONE_TIME_SCHEME = 'scrypt-once'

export interface HashPasswordOptions {
  /** A generated password the user must change at first login (`scrypt-once$…`). */
  oneTime?: boolean
  /** Where the scrypt call waits its turn (default: the process's queue). */
  queue?: HashingQueue
}

/**
 * Hashes a password as `scrypt$N$r$p$salt$key` (base64url), `scrypt-once$…` for a one-time password;
 * `HashingBusyError` when the queue is full.
 */
export async function hashPassword(
  password: string,
  { oneTime = false, queue = PROCESS_HASHING_QUEUE }: HashPasswordOptions = {}
): Promise<string> {
  const salt = randomBytes(16)
  const key = await queue.run(() => derive(password, salt, PARAMS, KEY_LENGTH))
  return [
    oneTime ? ONE_TIME_SCHEME : 'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$')
}

/**
 * Checks a password against a stored hash in constant time; false for any malformed hash,
 * `HashingBusyError` when the queue is full.
 */
export async function verifyPassword(
  password: string,
  stored: string,
  queue: HashingQueue = PROCESS_HASHING_QUEUE
): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if ((scheme !== 'scrypt' && scheme !== ONE_TIME_SCHEME) || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const params = { N: +n!, r: +r!, p: +p! }
  const actual = await queue.run(() =>
    derive(password, Buffer.from(salt, 'base64url'), params, expected.length).catch(() => null)
  )
  return actual !== null && timingSafeEqual(actual, expected)
}

/** Whether a stored hash is a one-time password's, which must be changed before anything else. */
export function mustChangePassword(stored: string): boolean {
  return stored.startsWith(`${ONE_TIME_SCHEME}$`)
}

/** A password for a generated account: 24 random characters (144 bits), printed once in the log. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url')
}
