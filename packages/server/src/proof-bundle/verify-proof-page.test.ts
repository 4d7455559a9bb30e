// The static page's own RFC 9162 and C2SP code against the published vectors (its bundle checks are in
// verify-proof-bundle.test.ts, beside the CLI's).
import {
  ENOCH_SIGNATURE_LINE,
  ENOCH_VKEY,
  EXAMPLE_NOTE,
  EXAMPLE_VKEY,
  PETER_SIGNATURE_LINE,
  PETER_VKEY,
  QUOTE_TEXT,
} from '@torii/schema/log/test-support/note-vectors'
import { CONSISTENCY_PROBES, INCLUSION_PROBES } from '@torii/schema/log/test-support/proof-vectors'
import { describe, expect, it } from 'vitest'
import { loadPageVerifier } from './test-support/page-verifier.ts'

const page = loadPageVerifier()
// Passes in Go with short placeholder roots ("don't care"); the page, like @torii/schema/log, refuses any
// hash that is not 32 bytes.
const STRICTER_HERE = new Set(['testdata/consistency/additional/sizes-are-equal-one-and-proof-is-empty.json'])
const outcome = (run: () => Promise<unknown>) =>
  run().then(
    () => 'ok',
    (error: { step?: string; message: string }) => error.step ?? 'error'
  )

describe('tools/verify-proof.html, on the transparency-dev/merkle probes', () => {
  it.each(INCLUSION_PROBES.map((probe) => [probe.file, probe] as const))('inclusion %s', async (_, p) => {
    const result = await outcome(() =>
      page.verifyInclusion(p.leafHash, p.leafIndex, p.treeSize, p.proof, p.root)
    )
    expect(result).toBe(p.wantError ? 'error' : 'ok')
  })

  it.each(CONSISTENCY_PROBES.map((probe) => [probe.file, probe] as const))('consistency %s', async (_, p) => {
    const result = await outcome(() => page.verifyConsistency(p.size1, p.size2, p.proof, p.root1, p.root2))
    expect(result).toBe(p.wantError || STRICTER_HERE.has(p.file) ? 'error' : 'ok')
  })
})

describe('tools/verify-proof.html, on the Go sumdb and C2SP signed notes', () => {
  const note = (...lines: string[]) => `${QUOTE_TEXT}\n${lines.join('')}`

  it('verifies the notes with their keys and computes their key ids', async () => {
    const peter = await page.parseVerifierKeys(PETER_VKEY)
    expect(peter[0].id).toBe('c74f20a3')
    await expect(page.verifySignedNote(note(PETER_SIGNATURE_LINE), peter, 'note')).resolves.toMatchObject({
      text: QUOTE_TEXT,
    })
    // Enoch's signature is by a key not given: ignored, Peter's still counts.
    await page.verifySignedNote(note(ENOCH_SIGNATURE_LINE, PETER_SIGNATURE_LINE), peter, 'note')
    await page.verifySignedNote(EXAMPLE_NOTE, await page.parseVerifierKeys(EXAMPLE_VKEY), 'note')
  })

  it('refuses a note signed by another key, an altered text and an altered key id', async () => {
    const peter = await page.parseVerifierKeys(PETER_VKEY)
    expect(await outcome(() => page.verifySignedNote(note(ENOCH_SIGNATURE_LINE), peter, 'note'))).toBe(
      'signature'
    )
    const altered = note(PETER_SIGNATURE_LINE).replace('cryptography', 'cryptographY')
    expect(await outcome(() => page.verifySignedNote(altered, peter, 'note'))).toBe('signature')
    expect(await outcome(() => page.parseVerifierKeys(PETER_VKEY.replace('c74f20a3', 'c74f20a4')))).toBe(
      'key id'
    )
    expect(await outcome(() => page.parseVerifierKeys(ENOCH_VKEY.replace('AT', 'Ag')))).toBe('verifier key')
  })
})
