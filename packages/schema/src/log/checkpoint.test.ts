import { describe, expect, it } from 'vitest'
import { encodeBase64, encodeHex, utf8 } from './bytes.ts'
import { formatCheckpoint, parseCheckpoint, verifyCheckpoint } from './checkpoint.ts'
import { hashLeaf } from './merkle-hash.ts'
import { createNoteSigner, signNote } from './note-sign.ts'
import { CHECKPOINT_EXAMPLE } from './test-support/note-vectors.ts'

// golang.org/x/mod sumdb/tlog note_test.go TestFormatTree/TestParseTree: the root is RecordHash("hello world").
const GO_TREE = 'go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n'
const EXAMPLE_TEXT = CHECKPOINT_EXAMPLE.slice(0, CHECKPOINT_EXAMPLE.indexOf('\n\n') + 1)

describe('parseCheckpoint', () => {
  it('reads the C2SP tlog-checkpoint example', () => {
    const checkpoint = parseCheckpoint(EXAMPLE_TEXT)
    expect(checkpoint.origin).toBe('example.com/behind-the-sofa')
    expect(checkpoint.treeSize).toBe(20852163)
    expect(encodeBase64(checkpoint.rootHash)).toBe('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=')
    expect(checkpoint.extensions).toEqual([])
    expect(formatCheckpoint(checkpoint)).toBe(EXAMPLE_TEXT)
  })

  it('reads Go\'s tree note, whose root is the RFC 9162 leaf hash of "hello world"', async () => {
    const checkpoint = parseCheckpoint(GO_TREE)
    expect(checkpoint.treeSize).toBe(123456789012)
    expect(encodeHex(checkpoint.rootHash)).toBe(encodeHex(await hashLeaf(utf8('hello world'))))
    // Readable, but Torii would not write it: its origin has spaces, so it cannot be a key name.
    expect(() => formatCheckpoint(checkpoint)).toThrow(expect.objectContaining({ code: 'BAD_CHECKPOINT' }))
  })

  it('keeps extension lines and the empty tree', () => {
    const text = `${EXAMPLE_TEXT}ext one\nExt-2\n`
    expect(parseCheckpoint(text).extensions).toEqual(['ext one', 'Ext-2'])
    expect(formatCheckpoint(parseCheckpoint(text))).toBe(text)
    expect(parseCheckpoint('log.example\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n').treeSize).toBe(0)
  })

  const root = 'TszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0='
  const bad: [string, string, string][] = [
    ['a hex tree size (Go TestParseTree)', `go.sum database tree\n0xabcdef\n${root}\n`, 'is not a decimal'],
    [
      'a root that is not base64 (Go TestParseTree)',
      'o\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBTOOBIG=\n',
      'canonical base64',
    ],
    ['a size with a leading zero', `o\n0123\n${root}\n`, 'without leading zeros'],
    ['a negative size', `o\n-1\n${root}\n`, 'is not a decimal'],
    ['a size with a plus sign', `o\n+1\n${root}\n`, 'is not a decimal'],
    ['a size with a trailing space', `o\n1 \n${root}\n`, 'is not a decimal'],
    ['a root with a trailing space', `o\n1\n${root} \n`, 'not padded base64'],
    ['a size past 2^53', `o\n9007199254740993\n${root}\n`, 'larger than this verifier handles'],
    ['a 31-byte root', 'o\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40Hmuw\n', 'is 30 bytes'],
    ['an unpadded root', `o\n1\n${root.slice(0, -1)}\n`, 'not padded base64'],
    ['no final newline', `o\n1\n${root}`, 'does not end with a newline'],
    ['two lines', `o\n1\n`, 'has 2 lines'],
    ['an empty origin', `\n1\n${root}\n`, 'line 1 is empty'],
    ['an empty extension line', `o\n1\n${root}\n\next\n`, 'line 4 is empty'],
    ['a control character', `o\t\n1\n${root}\n`, 'control character U+0009'],
  ]
  for (const [what, text, message] of bad) {
    it(`refuses ${what}`, () => {
      expect(() => parseCheckpoint(text)).toThrow(expect.objectContaining({ code: 'BAD_CHECKPOINT' }))
      expect(() => parseCheckpoint(text)).toThrow(message)
    })
  }

  it('refuses another origin than the expected one', () => {
    expect(() => parseCheckpoint(EXAMPLE_TEXT, { origin: 'torii.example/log' })).toThrow(
      expect.objectContaining({ code: 'ORIGIN_MISMATCH' })
    )
  })
})

describe('formatCheckpoint', () => {
  const rootHash = new Uint8Array(32)
  it('refuses origins that cannot be key names, bad sizes, roots and extension lines', () => {
    for (const origin of ['', 'a b', 'a+b', 'log.example ']) {
      expect(() => formatCheckpoint({ origin, treeSize: 1, rootHash, extensions: [] })).toThrow(
        expect.objectContaining({ code: 'BAD_CHECKPOINT' })
      )
    }
    expect(() => formatCheckpoint({ origin: 'o', treeSize: -1, rootHash, extensions: [] })).toThrow(
      expect.objectContaining({ code: 'BAD_NUMBER' })
    )
    expect(() =>
      formatCheckpoint({ origin: 'o', treeSize: 1, rootHash: rootHash.slice(1), extensions: [] })
    ).toThrow('root hash must be 32 bytes')
    for (const line of ['', 'a\nb', 'a\u0001']) {
      expect(() => formatCheckpoint({ origin: 'o', treeSize: 1, rootHash, extensions: [line] })).toThrow(
        expect.objectContaining({ code: 'BAD_CHECKPOINT' })
      )
    }
  })
})

describe('verifyCheckpoint', () => {
  it('verifies a signed checkpoint and checks its origin', async () => {
    const signer = await createNoteSigner('torii.example/log', crypto.getRandomValues(new Uint8Array(32)))
    const text = formatCheckpoint({
      origin: 'torii.example/log',
      treeSize: 5,
      rootHash: new Uint8Array(32),
      extensions: [],
    })
    const signed = await signNote(text, [signer])
    const { checkpoint } = await verifyCheckpoint(signed, [signer], { origin: 'torii.example/log' })
    expect(checkpoint.treeSize).toBe(5)
    await expect(verifyCheckpoint(signed, [signer], { origin: 'other.example/log' })).rejects.toMatchObject({
      code: 'ORIGIN_MISMATCH',
    })
    await expect(verifyCheckpoint(signed.replace('\n5\n', '\n6\n'), [signer])).rejects.toMatchObject({
      code: 'BAD_SIGNATURE',
    })
  })
})
