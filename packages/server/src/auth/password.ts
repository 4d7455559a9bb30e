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

/** Hashes a password as `scrypt$N$r$p$salt$key` (base64url); `HashingBusyError` when the queue is full. */
export async function hashPassword(
  password: string,
  queue: HashingQueue = PROCESS_HASHING_QUEUE
): Promise<string> {
  const salt = randomBytes(16)
  const key = await queue.run(() => derive(password, salt, PARAMS, KEY_LENGTH))
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$'
  )
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
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const params = { N: +n!, r: +r!, p: +p! }
  const actual = await queue.run(() =>
    derive(password, Buffer.from(salt, 'base64url'), params, expected.length).catch(() => null)
  )
  return actual !== null && timingSafeEqual(actual, expected)
}
