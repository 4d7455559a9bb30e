import { describe, expect, it } from 'vitest'
import { verifyNote } from './note-verify.ts'
import {
  CHECKPOINT_EXAMPLE,
  ENOCH_SIGNATURE_LINE,
  ENOCH_VKEY,
  EXAMPLE_NOTE,
  EXAMPLE_VKEY,
  PETER_SIGNATURE_LINE,
  PETER_VKEY,
  QUOTE_TEXT,
} from './test-support/note-vectors.ts'
import { parseVerifierKey } from './verifier-key.ts'

const peter = await parseVerifierKey(PETER_VKEY)
const enoch = await parseVerifierKey(ENOCH_VKEY)
const both = `${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE}${ENOCH_SIGNATURE_LINE}`
const names = (signatures: { name: string }[]) => signatures.map((s) => s.name)

// Go note_test.go TestOpen, case by case, and the C2SP signed-note example.
describe('verifyNote', () => {
  it('verifies the C2SP signed-note example with its verifier key', async () => {
    const note = await verifyNote(EXAMPLE_NOTE, [await parseVerifierKey(EXAMPLE_VKEY)])
    expect(note.text).toBe('This is an example message.\n')
  })

  it('verifies the signature of a given key and sets aside the others', async () => {
    const note = await verifyNote(both, [peter])
    expect(note.text).toBe(QUOTE_TEXT)
    expect(names(note.verified)).toEqual(['PeterNeumann'])
    expect(names(note.unverified)).toEqual(['EnochRoot'])
    expect(names((await verifyNote(both, [peter, enoch])).verified)).toEqual(['PeterNeumann', 'EnochRoot'])
  })

  it('refuses a note with no signature by a given key, naming signers and keys', async () => {
    await expect(verifyNote(both, [])).rejects.toMatchObject({ code: 'NO_KNOWN_SIGNATURE' })
    await expect(verifyNote(CHECKPOINT_EXAMPLE, [peter])).rejects.toThrow(
      'note is signed by example.com/behind-the-sofa+033de0ae, none of them a given key (PeterNeumann+c74f20a3)'
    )
  })

  it('ignores a signature sharing only the name or only the key id of a given key', async () => {
    const otherName = PETER_SIGNATURE_LINE.replace('PeterNeumann', 'CarmenSandiego')
    const otherId = PETER_SIGNATURE_LINE.replace('x08g', 'xxxx')
    for (const line of [otherName, otherId]) {
      await expect(verifyNote(`${QUOTE_TEXT}\n${line}`, [peter])).rejects.toMatchObject({
        code: 'NO_KNOWN_SIGNATURE',
      })
    }
    const note = await verifyNote(`${QUOTE_TEXT}\n${otherId}${PETER_SIGNATURE_LINE}`, [peter])
    expect(note.unverified[0].keyId.toString(16)).not.toBe('c74f20a3')
  })

  it('refuses a given key whose id is not the one of its name and public key', async () => {
    await expect(verifyNote(both, [{ ...enoch, keyId: peter.keyId, name: 'PeterNeumann' }])).rejects.toThrow(
      'given key PeterNeumann+c74f20a3 has a public key whose id is'
    )
  })

  it('refuses an ambiguous key only when a signature uses it', async () => {
    await expect(verifyNote(`${QUOTE_TEXT}\n${ENOCH_SIGNATURE_LINE}`, [enoch, peter, enoch])).rejects.toThrow(
      'more than one given key is EnochRoot+af0cfe78'
    )
    await expect(
      verifyNote(`${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE}`, [enoch, peter, enoch])
    ).resolves.toBeTruthy()
  })

  it('refuses the whole note when a signature by a given key does not verify', async () => {
    // Go's case inserts "ABCD" at byte 60; "— " is 4 bytes in UTF-8 and 2 characters here.
    const corrupted = `${PETER_SIGNATURE_LINE.slice(0, 58)}ABCD${PETER_SIGNATURE_LINE.slice(58)}`
    await expect(verifyNote(`${QUOTE_TEXT}\n${corrupted}`, [peter])).rejects.toThrow(
      'signature by PeterNeumann+c74f20a3 does not verify the note text'
    )
    await expect(
      verifyNote(`${QUOTE_TEXT.replace('If', 'if')}\n${PETER_SIGNATURE_LINE}`, [peter])
    ).rejects.toMatchObject({
      code: 'BAD_SIGNATURE',
    })
  })

  it('counts repeated signature lines once', async () => {
    const enochCorrupted = `${ENOCH_SIGNATURE_LINE.slice(0, 58)}ABCD${ENOCH_SIGNATURE_LINE.slice(58)}`
    const note = await verifyNote(
      `${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE}${PETER_SIGNATURE_LINE}${ENOCH_SIGNATURE_LINE}${ENOCH_SIGNATURE_LINE}${enochCorrupted}`,
      [peter]
    )
    expect(names(note.verified)).toEqual(['PeterNeumann'])
    expect(names(note.unverified)).toEqual(['EnochRoot', 'EnochRoot'])
  })
})
