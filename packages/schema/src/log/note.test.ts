import { describe, expect, it } from 'vitest'
import { utf8 } from './bytes.ts'
import { formatNote, MAX_NOTE_BYTES, parseNote } from './note.ts'
import {
  CHECKPOINT_EXAMPLE,
  ENOCH_SIGNATURE_LINE,
  PETER_SIGNATURE_LINE,
  QUOTE_TEXT,
} from './test-support/note-vectors.ts'

describe('parseNote', () => {
  it('splits text and signature lines and reads key ids (Go note_test.go TestOpen)', () => {
    const note = parseNote(`${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE}${ENOCH_SIGNATURE_LINE}`)
    expect(note.text).toBe(QUOTE_TEXT)
    expect(note.signatures.map((s) => [s.name, s.keyId.toString(16)])).toEqual([
      ['PeterNeumann', 'c74f20a3'],
      ['EnochRoot', 'af0cfe78'],
    ])
    expect(note.signatures[0].signature).toHaveLength(64)
  })

  it('reads bytes as UTF-8 and round-trips through formatNote', () => {
    const text = `${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE}`
    expect(formatNote(parseNote(utf8(text)))).toBe(text)
    expect(formatNote(parseNote(CHECKPOINT_EXAMPLE))).toBe(CHECKPOINT_EXAMPLE)
  })

  it('takes the last blank line as the separator, so the text may hold blank lines', () => {
    const note = parseNote(`a\n\nb\n\n${PETER_SIGNATURE_LINE}`)
    expect(note.text).toBe('a\n\nb\n')
  })

  // Go note_test.go TestOpen "Invalid encoded message syntax", plus the rules of C2SP signed-note.
  const malformed: [string, string | Uint8Array, string][] = [
    ['text only', QUOTE_TEXT, 'BAD_NOTE'],
    ['a blank line but no signature', `${QUOTE_TEXT}\n`, 'BAD_NOTE'],
    ['no final newline', `${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE.slice(0, -1)}`, 'BAD_NOTE'],
    ['a control character', `\x01${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE}`, 'BAD_NOTE'],
    ['a carriage return', `a\r\n\n${PETER_SIGNATURE_LINE}`, 'BAD_NOTE'],
    ['invalid UTF-8', new Uint8Array([0xff, ...utf8(`${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE}`)]), 'BAD_NOTE'],
    ['a lone surrogate', `\ud800${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE}`, 'BAD_NOTE'],
    [
      'a key name with a space',
      `${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE.replace('PeterNeumann', 'Bad Name')}`,
      'BAD_BASE64',
    ],
    [
      'a key name with a plus',
      `${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE.replace('PeterNeumann', 'a+b')}`,
      'BAD_KEY_NAME',
    ],
    ['a line after the signatures', `${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE}Unexpected line.\n`, 'BAD_NOTE'],
    ['a hyphen for the em dash', `${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE.replace('—', '-')}`, 'BAD_NOTE'],
    ['unpadded base64', `${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE.replace('=\n', '\n')}`, 'BAD_BASE64'],
    ['a signature of four bytes', `${QUOTE_TEXT}\n— PeterNeumann x08gow==\n`, 'BAD_NOTE'],
    ['101 signatures', `${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE.repeat(101)}`, 'TOO_MANY_SIGNATURES'],
    ['more than 1 MiB', `${'a'.repeat(MAX_NOTE_BYTES)}\n\n${PETER_SIGNATURE_LINE}`, 'NOTE_TOO_LARGE'],
  ]
  for (const [what, input, code] of malformed) {
    it(`refuses a note with ${what} (${code})`, () => {
      expect(() => parseNote(input)).toThrow(expect.objectContaining({ code }))
    })
  }

  it('names the line and what is wrong with it', () => {
    expect(() => parseNote(`${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE}Unexpected line.\n`)).toThrow(
      'signature line 2 does not start with an em dash and a space: "Unexpected line."'
    )
  })
})

describe('formatNote', () => {
  it('refuses text without a final newline, and a note without signatures', () => {
    const signature = parseNote(`${QUOTE_TEXT}\n${PETER_SIGNATURE_LINE}`).signatures[0]
    expect(() => formatNote({ text: 'abc', signatures: [signature] })).toThrow(
      expect.objectContaining({ code: 'BAD_NOTE' })
    )
    expect(() => formatNote({ text: QUOTE_TEXT, signatures: [] })).toThrow(
      expect.objectContaining({ code: 'BAD_NOTE' })
    )
    expect(() => formatNote({ text: QUOTE_TEXT, signatures: [{ ...signature, name: 'a+b' }] })).toThrow(
      expect.objectContaining({ code: 'BAD_KEY_NAME' })
    )
  })
})
