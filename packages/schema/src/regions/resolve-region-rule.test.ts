import { describe, expect, it } from 'vitest'
import { type RegionRule, regionsSchema } from './region-rules.ts'
import { OPT_IN_EVERYWHERE, resolveRegionRule } from './resolve-region-rule.ts'

const rules = (input: RegionRule[]) => regionsSchema.parse(input)

/** Xtra's rules (issue #15), plus exceptions at each level. */
const XTRA = rules([
  { key: 'eea-uk-ch', match: ['EEA', 'UK', 'CH'], model: 'opt-in' },
  { key: 'us-privacy', match: ['US-PRIVACY-STATES'], model: 'opt-out' },
  { key: 'japan', match: ['JP'], model: 'notice', optInPurposes: ['advertising'] },
  { key: 'france', match: ['FR'], model: 'opt-in' },
  { key: 'texas', match: ['US-TX'], model: 'notice' },
  { key: 'default', match: ['*'], model: 'opt-in' },
])
const keyOf = (country?: string, subdivision?: string) =>
  resolveRegionRule(XTRA, { country, subdivision }).key

describe('resolveRegionRule', () => {
  it('should pick each model for its place', () => {
    expect(keyOf('JP')).toBe('japan')
    expect(keyOf('DE')).toBe('eea-uk-ch')
    expect(keyOf('NO')).toBe('eea-uk-ch')
    expect(keyOf('GB')).toBe('eea-uk-ch')
    expect(keyOf('CH')).toBe('eea-uk-ch')
    expect(keyOf('US', 'US-CA')).toBe('us-privacy')
    expect(keyOf('BR')).toBe('default')
  })

  it('should let a subdivision rule win over a group, a country rule over a group', () => {
    expect(keyOf('US', 'US-TX')).toBe('texas')
    expect(keyOf('FR')).toBe('france')
    expect(keyOf('FR', 'FR-75')).toBe('france')
  })

  it('should let a country rule win over a group that holds the subdivision (group < country)', () => {
    const withUs = rules([
      { key: 'us', match: ['US'], model: 'notice' },
      { key: 'us-privacy', match: ['US-PRIVACY-STATES'], model: 'opt-out' },
      { key: 'california', match: ['US-CA'], model: 'opt-in' },
      { key: 'default', match: ['*'], model: 'opt-in' },
    ])
    expect(resolveRegionRule(withUs, { country: 'US', subdivision: 'US-VA' }).key).toBe('us')
    expect(resolveRegionRule(withUs, { country: 'US', subdivision: 'US-CA' }).key).toBe('california')
    expect(resolveRegionRule(withUs, { country: 'US' }).key).toBe('us')
  })

  it('should match a group or country rule for any subdivision of its countries', () => {
    expect(keyOf('DE', 'DE-BY')).toBe('eea-uk-ch')
    expect(keyOf('JP', 'JP-13')).toBe('japan')
    expect(keyOf(undefined, 'JP-13')).toBe('japan')
  })

  it('should give the default rule when the place is unknown or only partly known', () => {
    expect(keyOf()).toBe('default')
    // A US visitor whose state is unknown: no privacy-state rule can be chosen.
    expect(keyOf('US')).toBe('default')
    expect(keyOf('US', 'US-NY')).toBe('default')
    expect(keyOf('XX')).toBe('default')
  })

  it('should match territories where the group law applies: Réunion, Åland', () => {
    expect(keyOf('RE')).toBe('eea-uk-ch')
    expect(keyOf('AX')).toBe('eea-uk-ch')
    expect(keyOf('BL')).toBe('default')
  })

  it('should treat a site without rules as opt-in everywhere', () => {
    expect(resolveRegionRule(undefined, { country: 'JP' })).toBe(OPT_IN_EVERYWHERE)
    expect(OPT_IN_EVERYWHERE.model).toBe('opt-in')
  })

  it('should return the rule object itself, and refuse rules that never passed validation', () => {
    expect(resolveRegionRule(XTRA, { country: 'JP' })).toBe(XTRA[2])
    expect(() => resolveRegionRule([{ key: 'jp', match: ['JP'], model: 'notice' }], {})).toThrow(
      /without a default rule/
    )
  })
})
