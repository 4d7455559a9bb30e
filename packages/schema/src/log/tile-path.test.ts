import { describe, expect, it } from 'vitest'
import { formatTileIndex, formatTilePath, parseTilePath } from './tile-path.ts'

describe('tile paths (C2SP tlog-tiles)', () => {
  it('encodes index 1234067 as x001/x234/067, the spec example', () => {
    expect(formatTileIndex(1234067)).toBe('x001/x234/067')
    expect(formatTilePath({ level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067')
  })

  it('writes small indexes, partial widths and entry bundles', () => {
    expect(formatTileIndex(0)).toBe('000')
    expect(formatTileIndex(999)).toBe('999')
    expect(formatTileIndex(1000)).toBe('x001/000')
    expect(formatTilePath({ level: 1, index: 1, width: 17 })).toBe('tile/1/001.p/17')
    expect(formatTilePath({ level: 'entries', index: 273, width: 112 })).toBe('tile/entries/273.p/112')
    expect(formatTilePath({ level: 63, index: 2 ** 53 - 1, width: 255 })).toBe(
      'tile/63/x009/x007/x199/x254/x740/991.p/255'
    )
  })

  it('reads back what it writes', () => {
    for (const path of [
      'tile/0/000',
      'tile/0/x001/x234/067',
      'tile/2/000.p/1',
      'tile/entries/x123/x456/078.p/2',
    ]) {
      expect(formatTilePath(parseTilePath(path))).toBe(path)
    }
    expect(parseTilePath('tile/entries/x001/x234/067')).toEqual({
      level: 'entries',
      index: 1234067,
      width: 256,
    })
  })

  // The shapes of Go's FuzzParseTilePath seeds (golang.org/x/mod sumdb/tlog tile_test.go) that C2SP's
  // fixed-height paths refuse, and non-canonical spellings.
  const bad = [
    'tile/3/5/x123/x456/078',
    'tile/3/-1/123/456/078',
    'tile/1/data/x003/x057/500',
    'tile/0/123/456/078',
    'tile/0/x000/001',
    'tile/0/01',
    'tile/0/0001',
    'tile/00/001',
    'tile/64/000',
    'tile/0/000.p/0',
    'tile/0/000.p/256',
    'tile/0/000.p/012',
    'tile/0/000.p/',
    'tile/entries/000.p/x',
    '/tile/0/000',
    'tile/0/000/',
    'tile/0/x999/x999/x999/x999/x999/x999/999',
  ]
  for (const path of bad) {
    it(`refuses ${path}`, () => {
      expect(() => parseTilePath(path)).toThrow(expect.objectContaining({ code: 'BAD_TILE_PATH' }))
    })
  }

  it('refuses coordinates it cannot write', () => {
    for (const tile of [
      { level: 64, index: 0, width: 256 },
      { level: -1, index: 0, width: 256 },
      { level: 0, index: 0, width: 0 },
      { level: 0, index: 0, width: 257 },
    ]) {
      expect(() => formatTilePath(tile)).toThrow(expect.objectContaining({ code: 'BAD_TILE_PATH' }))
    }
    expect(() => formatTilePath({ level: 0, index: -1, width: 1 })).toThrow(
      expect.objectContaining({ code: 'BAD_NUMBER' })
    )
  })
})
