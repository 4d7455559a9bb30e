// Byte helpers that work the same in Node and browsers (no Buffer).

import { LogError } from './log-error.ts'

const UTF8_ENCODER = new TextEncoder()
const UTF8_DECODER = new TextDecoder('utf-8', { fatal: true })
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return UTF8_ENCODER.encode(text)
}

/** Decodes UTF-8, or undefined for invalid sequences (never inserts U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return UTF8_DECODER.decode(bytes)
  } catch {
    return undefined
  }
}

/** Standard padded base64 (RFC 4648 §4) of bytes. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Decodes canonical padded base64, refusing white space, missing padding and non-zero trailing bits. */
export function decodeBase64(text: string, what: string): Uint8Array {
  if (!BASE64_PATTERN.test(text))
    throw new LogError('BAD_BASE64', `${what} is not padded base64: ${quote(text)}`)
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  // Only one spelling per byte string, so a signed text cannot be altered without changing its meaning.
  if (encodeBase64(bytes) !== text)
    throw new LogError('BAD_BASE64', `${what} is not canonical base64: ${quote(text)}`)
  return bytes
}

/** Lowercase hex of bytes. */
export function encodeHex(bytes: Uint8Array): string {
  let hex = ''
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/** Decodes lowercase hex (even length). */
export function decodeHex(text: string, what: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/.test(text))
    throw new LogError('BAD_HEX', `${what} is not lowercase hex: ${quote(text)}`)
  const bytes = new Uint8Array(text.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

/** The concatenation of byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** True when both arrays hold the same bytes. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i]
  return difference === 0
}

/** A short, JSON-quoted excerpt of untrusted text for error messages. */
export function quote(text: string, max = 80): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text)
}

/** The bytes backed by a plain ArrayBuffer, as WebCrypto's BufferSource requires (copied only if shared). */
export function asBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes)
}
