import { randomFillSync } from 'node:crypto'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const RANDOM_BYTES = 10
/** Random bytes drawn from the CSPRNG in blocks: one call per 409 ids instead of one per receipt. */
const pool = Buffer.alloc(RANDOM_BYTES * 409)
let poolOffset = pool.length

function nextRandom(): Buffer {
  if (poolOffset + RANDOM_BYTES > pool.length) {
    randomFillSync(pool)
    poolOffset = 0
  }
  const bytes = pool.subarray(poolOffset, poolOffset + RANDOM_BYTES)
  poolOffset += RANDOM_BYTES
  return bytes
}

/** 26 characters like a ULID: 48-bit time in ms (10 chars) then 80 random bits (16 chars). */
export function newReceiptId(timeMs: number): string {
  let time = ''
  let t = timeMs
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time
    t = Math.floor(t / 32)
  }
  const bytes = nextRandom()
  let random = ''
  // 80 bits = 16 groups of 5 bits, read most significant first (the same digits as one 80-bit number)
  for (let bit = 0; bit < 80; bit += 5) {
    const byte = bit >> 3
    const shift = bit & 7
    const word = (bytes[byte]! << 8) | (bytes[byte + 1] ?? 0)
    random += CROCKFORD[(word >> (11 - shift)) & 31]
  }
  return time + random
}

export const RECEIPT_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/
