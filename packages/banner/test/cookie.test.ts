import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseChoice, readChoice } from '../src/gate/cookie.ts'
import type { Choice } from '../src/gate/types.ts'
import { cookieMatches, deleteCookies, domainsOf, serializeChoice, writeChoice } from '../src/ui/cookie.ts'

const choice: Choice = {
  id: '0123456789abcdef0123456789abcdef',
  rev: 4,
  at: 1764054000000,
  p: { necessary: true, analytics: true, advertising: false },
  v: { 'google-analytics': true, 'google-adsense': false },
}

const clearCookies = () => {
  for (const c of document.cookie.split('; ')) if (c) document.cookie = `${c.split('=')[0]}=;Path=/;Max-Age=0`
}

describe('the torii cookie', () => {
  afterEach(() => {
    clearCookies()
    vi.restoreAllMocks()
  })

  it('should serialize to the documented, readable format', () => {
    expect(serializeChoice(choice)).toBe(
      '1~0123456789abcdef0123456789abcdef~4~1764054000~necessary.analytics.!advertising~google-analytics.!google-adsense'
    )
  })

  it('should round-trip', () => {
    expect(parseChoice(serializeChoice(choice))).toEqual(choice)
    const empty = { ...choice, p: {}, v: {} }
    expect(parseChoice(serializeChoice(empty))).toEqual(empty)
  })

  it.each([
    ['another format version', '2~0123456789abcdef0123456789abcdef~4~1764054000~a~b'],
    ['a foreign value', 'accepted'],
    ['a short consent id', '1~short~4~1764054000~a~b'],
    ['a bad key', '1~0123456789abcdef0123456789abcdef~4~1764054000~Analytics~'],
    ['an extra field', '1~0123456789abcdef0123456789abcdef~4~1764054000~a~b~c'],
    ['a missing field', '1~0123456789abcdef0123456789abcdef~4~1764054000~a'],
    ['a double dot', '1~0123456789abcdef0123456789abcdef~4~1764054000~a..b~'],
  ])('should treat %s as no choice and warn once', (_, value) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(parseChoice(value)).toBeNull()
    expect(parseChoice(value)).toBeNull()
    expect(warn.mock.calls.length).toBeLessThanOrEqual(1)
  })

  it('should not hang on a long malformed value (no catastrophic backtracking)', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const started = performance.now()
    expect(parseChoice(`1~0123456789abcdef0123456789abcdef~4~1~${'a'.repeat(5000)}!`)).toBeNull()
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('should write and read back the newest choice', () => {
    writeChoice(choice, 395)
    expect(readChoice(document.cookie)).toEqual(choice)
  })

  it('should read no choice when there is no cookie', () => {
    expect(readChoice(document.cookie)).toBeNull()
  })

  it('should list the host and its parent domains for deletion', () => {
    expect(domainsOf('www.shop.example.co.jp', 'example.co.jp')).toEqual([
      'www.shop.example.co.jp',
      'shop.example.co.jp',
      'example.co.jp',
      'co.jp',
      'jp',
      'example.co.jp',
    ])
  })

  it('should match vendor cookie names exactly or by prefix', () => {
    const patterns = ['_ga', '_ga_*', '__gads']
    expect(
      ['_ga', '_ga_ABC123', '__gads', '_gat', '_gads', 'session', '_g'].filter((n) =>
        cookieMatches(patterns, n)
      )
    ).toEqual(['_ga', '_ga_ABC123', '__gads'])
  })

  it('should delete a matching cookie and keep the others', () => {
    document.cookie = '_ga=GA1.1.1;Path=/'
    document.cookie = 'session=keep;Path=/'
    deleteCookies(['_ga', '_ga_*'])
    expect(document.cookie).toBe('session=keep')
  })
})
