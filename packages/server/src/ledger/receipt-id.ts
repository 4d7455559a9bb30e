import { randomBytes } from 'node:crypto'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** 26 characters like a ULID: 48-bit time in ms (10 chars) then 80 random bits (16 chars). */
export function newReceiptId(timeMs: number): string {
  let time = ''
  let t = timeMs
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time
    t = Math.floor(t / 32)
  }
  const bytes = randomBytes(10)
  let random = ''
  // 80 bits = 16 groups of 5 bits
  let acc = 0n
  for (const byte of bytes) acc = (acc << 8n) | BigInt(byte)
  for (let i = 0; i < 16; i++) {
    random = CROCKFORD[Number(acc & 31n)] + random
    acc >>= 5n
  }
  return time + random
}

export const RECEIPT_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/
