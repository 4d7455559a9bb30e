import { describe, expect, it } from 'vitest'
import { decodeBase64, encodeHex } from './bytes.ts'
import { ENOCH_VKEY, EXAMPLE_VKEY, PETER_VKEY } from './test-support/note-vectors.ts'
import { computeKeyId, formatVerifierKey, parseVerifierKey } from './verifier-key.ts'

describe('parseVerifierKey', () => {
  it('reads the Go and C2SP example keys and formats them back byte for byte', async () => {
    for (const text of [PETER_VKEY, ENOCH_VKEY, EXAMPLE_VKEY]) {
      const key = await parseVerifierKey(text)
      expect(await formatVerifierKey(key.name, key.publicKey)).toBe(text)
    }
    const peter = await parseVerifierKey(PETER_VKEY)
    expect(peter.name).toBe('PeterNeumann')
    expect(peter.keyId).toBe(0xc74f20a3)
    expect(encodeHex(peter.publicKey)).toBe(encodeHex(decodeBase64(PETER_VKEY.split('+')[2], 'key').slice(1)))
  })

  it('derives the key id from SHA-256(name || "\\n" || 0x01 || key)', async () => {
    const key = await parseVerifierKey(EXAMPLE_VKEY)
    expect((await computeKeyId('example.com/foo', key.publicKey)).toString(16)).toBe('530d903a')
  })

  // Go note_test.go TestNewVerifier: every proper substring and every one-byte change must be refused.
  it('refuses every substring and every single-character change of a key', async () => {
    const failures: string[] = []
    const attempt = async (text: string) => {
      const accepted = await parseVerifierKey(text).then(
        () => true,
        (error) => {
          if (!error.code) throw error
          return false
        }
      )
      if (accepted) failures.push(text)
    }
    for (let i = 0; i < PETER_VKEY.length; i++) {
      for (let j = i + 1; j <= PETER_VKEY.length; j++) {
        if (i !== 0 || j !== PETER_VKEY.length) await attempt(PETER_VKEY.slice(i, j))
      }
      await attempt(
        PETER_VKEY.slice(0, i) + String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1) + PETER_VKEY.slice(i + 1)
      )
    }
    expect(failures).toEqual([])
  })

  it('names what is wrong', async () => {
    // Go's vectors: a key of the wrong length and an unknown algorithm, each with its key id adjusted.
    // The first is also non-canonical base64 (Go's lenient decoder reads it, then refuses the length).
    await expect(
      parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==')
    ).rejects.toMatchObject({ code: 'BAD_BASE64' })
    await expect(
      parseVerifierKey('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEQ==')
    ).rejects.toThrow('verifier key PeterNeumann has a 36-byte key, Ed25519 needs 32')
    await expect(
      parseVerifierKey('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_KEY_TYPE' })
    await expect(parseVerifierKey(PETER_VKEY.replace('c74f20a3', 'c74f20a4'))).rejects.toThrow(
      'verifier key PeterNeumann says key id c74f20a4 but its key has id c74f20a3'
    )
    await expect(parseVerifierKey(PETER_VKEY.replace('c74f20a3', 'C74F20A3'))).rejects.toMatchObject({
      code: 'BAD_HEX',
    })
    await expect(parseVerifierKey(PETER_VKEY.replace('Peter', 'Peter '))).rejects.toMatchObject({
      code: 'BAD_KEY_NAME',
    })
    await expect(parseVerifierKey('PeterNeumann')).rejects.toMatchObject({ code: 'BAD_VERIFIER_KEY' })
  })
})
