import { receiptInputSchema } from '@torii/schema'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { receiptBody } from '../testing/test-app.ts'
import { receiptInputParser } from './receipt-parser.ts'

/** What a parse answers, comparable across parsers: the data, or each issue's path, code and message. */
function outcome(value: unknown) {
  const runtime = receiptInputSchema.safeParse(value)
  const compiled = receiptInputParser.safeParse(value)
  const issues = (r: typeof runtime) =>
    r.error?.issues.map((issue) => ({ path: issue.path, code: issue.code, message: issue.message }))
  return {
    runtime: { success: runtime.success, data: runtime.data, issues: issues(runtime) },
    compiled: { success: compiled.success, data: compiled.data, issues: issues(compiled) },
  }
}

/** Receipts each changed in one member: valid ones, ones zod normalises (URL whitespace) and invalid ones. */
const VARIANTS: Record<string, unknown>[] = [
  {},
  { pageUrl: '  https://www.example.co.jp/a b?q=1  ' },
  { pageUrl: 'https://www.exa\tmple.co.jp/\n' },
  { pageUrl: 'https://例え.jp/ニュース' },
  { pageUrl: 'http:example.com' },
  { pageUrl: 'ftp://example.com/' },
  { pageUrl: 'javascript:alert(1)' },
  { pageUrl: `https://example.com/${'a'.repeat(2048)}` },
  { pageUrl: 42 },
  { consentId: 'short' },
  { consentId: 'with space in the id 0123' },
  { consentId: 'x'.repeat(65) },
  { revision: 0 },
  { revision: 1.5 },
  { revision: '1' },
  { revision: 2 ** 53 },
  { action: 'maybe' },
  { purposes: { Analytics: true } },
  { purposes: { analytics: 'yes' } },
  { purposes: [] },
  { purposes: null },
  { purposes: { ['__proto__']: true } },
  { vendors: { '1st': true } },
  { consentMode: { analytics_storage: 'maybe' } },
  { consentMode: { unknown_storage: 'granted' } },
  { consentMode: {} },
  { gpc: 'false' },
  { language: 'JA' },
  { language: 'en-GB' },
  { clientTime: '2026-11-25T15:00:00Z' },
  { clientTime: '2026-11-25 15:00:00' },
  { clientTime: '2026-11-25T15:00:00.000+24:00' },
  { extra: 1 },
]

describe('receiptInputParser', () => {
  it('is compiled: the schema has nothing zod must leave to its runtime parser', () => {
    expect(() => z.compile(receiptInputSchema, { strict: true })).not.toThrow()
  })

  it.each(VARIANTS.map((overrides) => [JSON.stringify(overrides).slice(0, 80), overrides]))(
    'answers what the schema answers for %s',
    (_, overrides) => {
      const { runtime, compiled } = outcome(JSON.parse(JSON.stringify(receiptBody(overrides))))
      expect(compiled).toEqual(runtime)
    }
  )

  it('answers what the schema answers with a member missing, or for what is not an object', () => {
    for (const key of Object.keys(receiptBody())) {
      const { [key]: _, ...rest } = receiptBody()
      const { runtime, compiled } = outcome(rest)
      expect(compiled).toEqual(runtime)
    }
    for (const value of [null, [], 'receipt', 1]) {
      const { runtime, compiled } = outcome(value)
      expect(compiled).toEqual(runtime)
    }
  })
})
