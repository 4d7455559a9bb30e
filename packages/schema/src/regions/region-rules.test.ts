import { describe, expect, it } from 'vitest'
import { type RegionRule, regionsSchema } from './region-rules.ts'

const DEFAULT: RegionRule = { key: 'default', match: ['*'], model: 'opt-in' }

/** The field errors of a list of rules, as `path: message`. */
function errors(input: unknown): string[] {
  const result = regionsSchema.safeParse(input)
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('regionsSchema', () => {
  it('should accept the presets of issue #15 and keep the order given', () => {
    const input: RegionRule[] = [
      { key: 'japan', match: ['JP'], model: 'notice', optInPurposes: ['advertising'] },
      { key: 'eea-uk-ch', match: ['EEA', 'UK', 'CH'], model: 'opt-in' },
      { key: 'us-privacy', match: ['US-PRIVACY-STATES'], model: 'opt-out' },
      { key: 'california', match: ['US-CA'], model: 'opt-out' },
      { key: 'us', match: ['US'], model: 'notice' },
      DEFAULT,
    ]
    expect(regionsSchema.parse(input)).toEqual(input)
  })

  it('should name each unknown code with what is accepted', () => {
    const found = errors([
      { key: 'x', match: ['XX', 'T1', 'EU27', 'us', 'US-ZZ', 'DE-BY', 'CHE'], model: 'opt-in' },
      DEFAULT,
    ])
    expect(found).toEqual([
      '0.match.0: "XX" is not an assigned ISO 3166-1 country code',
      expect.stringMatching(
        /^0\.match\.1: unknown region code "T1": use a country \(JP\), a subdivision \(US-CA\), a group \(EU, EEA, UK, US-PRIVACY-STATES\)/
      ),
      expect.stringMatching(/^0\.match\.2: unknown region code "EU27"/),
      expect.stringMatching(/^0\.match\.3: unknown region code "us"/),
      '0.match.4: "US-ZZ" is not an ISO 3166-2 subdivision of US',
      '0.match.5: "DE-BY": Torii knows the subdivisions of US, CA, JP only; name the country DE',
      expect.stringMatching(/^0\.match\.6: unknown region code "CHE"/),
    ])
  })

  it('should refuse a code listed twice in a rule', () => {
    expect(errors([{ key: 'jp', match: ['JP', 'KR', 'JP'], model: 'notice' }, DEFAULT])).toEqual([
      '0.match.2: "JP" is listed twice',
    ])
  })

  it('should refuse rules of equal specificity that overlap, naming the earlier rule', () => {
    expect(
      errors([
        { key: 'asia', match: ['JP', 'KR'], model: 'notice' },
        { key: 'japan', match: ['JP'], model: 'opt-in' },
        DEFAULT,
      ])
    ).toEqual([
      '1.match.0: "JP" overlaps "JP" of rule "asia": a visitor there would match both rules at the same specificity',
    ])
    expect(
      errors([
        { key: 'ca', match: ['US-CA'], model: 'opt-out' },
        { key: 'ca-again', match: ['US-CA'], model: 'opt-in' },
        DEFAULT,
      ])
    ).toEqual([expect.stringMatching(/^1\.match\.0: "US-CA" overlaps "US-CA" of rule "ca"/)])
    expect(
      errors([
        { key: 'eu', match: ['EU'], model: 'opt-in' },
        { key: 'eea', match: ['EEA'], model: 'notice' },
        { key: 'eea-again', match: ['EEA'], model: 'notice' },
        DEFAULT,
      ])
    ).toEqual([
      '1.match.0: "EEA" overlaps "EU" of rule "eu" (both hold AT): a visitor there would match both rules at the same specificity',
      '2.match.0: "EEA" overlaps "EU" of rule "eu" (both hold AT): a visitor there would match both rules at the same specificity',
    ])
  })

  it('should allow the same place at different specificities, and groups that do not overlap', () => {
    expect(
      errors([
        { key: 'eea', match: ['EEA'], model: 'opt-in' },
        { key: 'uk', match: ['UK'], model: 'opt-in' },
        { key: 'germany', match: ['DE'], model: 'opt-in' },
        { key: 'us-privacy', match: ['US-PRIVACY-STATES'], model: 'opt-out' },
        { key: 'us', match: ['US'], model: 'notice' },
        { key: 'texas', match: ['US-TX'], model: 'notice' },
        DEFAULT,
      ])
    ).toEqual([])
  })

  it('should ask for exactly one default rule, standing alone', () => {
    expect(errors([{ key: 'jp', match: ['JP'], model: 'notice' }])).toEqual([
      ': needs a default rule: one whose match is ["*"]',
    ])
    expect(errors([])).toEqual([': needs a default rule: one whose match is ["*"]'])
    expect(errors([DEFAULT, { key: 'other', match: ['*'], model: 'notice' }])).toEqual([
      '1.match.0: a second default rule: "default" is the default',
    ])
    expect(errors([{ key: 'default', match: ['*', 'JP'], model: 'opt-in' }])).toEqual([
      '0.match.0: "*" (the default rule) must stand alone',
      ': needs a default rule: one whose match is ["*"]',
    ])
  })

  it('should refuse duplicate keys, an empty match, an unknown model, opt-in purposes in an opt-in rule', () => {
    expect(
      errors([
        { key: 'jp', match: ['JP'], model: 'notice' },
        { key: 'jp', match: ['KR'], model: 'notice' },
        { key: 'none', match: [], model: 'notice' },
        { key: 'de', match: ['DE'], model: 'opt-in', optInPurposes: ['advertising'] },
        { key: 'fr', match: ['FR'], model: 'consent' },
        DEFAULT,
      ])
    ).toEqual([
      '2.match: name at least one country, subdivision or group, or "*" for the default rule',
      '4.model: must be one of opt-in, opt-out, notice',
    ])
    expect(
      errors([
        { key: 'jp', match: ['JP'], model: 'notice' },
        { key: 'jp', match: ['KR'], model: 'notice' },
        { key: 'de', match: ['DE'], model: 'opt-in', optInPurposes: ['advertising'] },
        DEFAULT,
      ])
    ).toEqual([
      '1.key: duplicate rule "jp"',
      '2.optInPurposes: only for opt-out and notice rules: an opt-in rule already asks before every purpose',
    ])
  })
})
