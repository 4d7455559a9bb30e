import { describe, expect, it } from 'vitest'
import { decodeBase64 } from './bytes.ts'
import { createNoteSigner, signNote } from './note-sign.ts'
import { verifyNote } from './note-verify.ts'
import { PETER_SIGNATURE_LINE, PETER_SKEY, PETER_VKEY, QUOTE_TEXT } from './test-support/note-vectors.ts'
import { formatVerifierKey } from './verifier-key.ts'

// Go's private key text is PRIVATE+KEY+<name>+<id>+base64(0x01 || seed).
const PETER_SEED = decodeBase64(PETER_SKEY.split('+').slice(4).join('+'), 'seed').slice(1)

describe('signNote', () => {
  it('reproduces Go TestSign byte for byte from the same seed', async () => {
    const signer = await createNoteSigner('PeterNeumann', PETER_SEED)
    expect(await formatVerifierKey(signer.name, signer.publicKey)).toBe(PETER_VKEY)
    expect(await signNote(QUOTE_TEXT, [signer])).toBe(`${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE}`)
  })

  it('round-trips with a fresh key through verifyNote', async () => {
    const seed = crypto.getRandomValues(new Uint8Array(32))
    const signer = await createNoteSigner('torii.example/log', seed)
    const note = await signNote('torii.example/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n', [
      signer,
    ])
    const verified = await verifyNote(note, [signer])
    expect(verified.verified).toHaveLength(1)
  })

  it('refuses bad text, names and seeds', async () => {
    const signer = await createNoteSigner('PeterNeumann', PETER_SEED)
    await expect(signNote('abc', [signer])).rejects.toMatchObject({ code: 'BAD_NOTE' })
    await expect(signNote(QUOTE_TEXT, [{ ...signer, name: 'bad name' }])).rejects.toMatchObject({
      code: 'BAD_KEY_NAME',
    })
    await expect(createNoteSigner('PeterNeumann', PETER_SEED.slice(1))).rejects.toMatchObject({
      code: 'BAD_VERIFIER_KEY',
    })
    await expect(createNoteSigner('a+b', PETER_SEED)).rejects.toMatchObject({ code: 'BAD_KEY_NAME' })
  })
})
