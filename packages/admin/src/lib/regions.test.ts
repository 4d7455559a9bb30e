import {
  REGION_GROUPS,
  type RegionRule,
  regionPurposesIssues,
  regionRulesIssues,
  regionsSchema,
  siteConfigSchema,
} from '@torii/schema'
import { afterEach, describe, expect, it } from 'vitest'
import { configWithoutRules } from '../../test/fixtures.ts'
import { EN } from '../i18n/en.ts'
import { errorText } from '../i18n/error-text.ts'
import { setUiLanguage } from '../i18n/index.ts'
import { JA } from '../i18n/ja.ts'
import { renamePurposeKey } from './draft-ops.ts'
import { fieldLabel } from './field-labels.ts'
import { sectionOf } from './paths.ts'
import { parseRegionCodes, regionCodeName } from './region-names.ts'
import { addRegionPresets, newRegionRule, REGION_PRESETS, withRegions } from './region-presets.ts'

afterEach(() => setUiLanguage('en'))

describe('region presets', () => {
  it('should make a valid rule list together, each rule named by the codes the schema knows', () => {
    const rules = addRegionPresets(configWithoutRules(), REGION_PRESETS).regions!
    expect(regionsSchema.safeParse(rules).success).toBe(true)
    expect(rules.map((rule) => rule.key)).toEqual(['eea-uk-ch', 'us-privacy', 'japan', 'default'])
  })

  it('should add only the presets a config lacks, and never share a preset’s objects with the draft', () => {
    const once = addRegionPresets(configWithoutRules(), [REGION_PRESETS[2]!])
    once.regions![0]!.match.push('KR')
    expect(REGION_PRESETS[2]!.rule.match).toEqual(['JP'])
    expect(addRegionPresets(once, REGION_PRESETS).regions!.map((rule) => rule.key)).toEqual([
      'japan',
      'eea-uk-ch',
      'us-privacy',
      'default',
    ])
  })

  it('should drop the field with the last rule, and give new rules a free key', () => {
    const config = withRegions(configWithoutRules(), [{ key: 'rule-2', match: ['*'], model: 'opt-in' }])
    expect(newRegionRule(config).key).toBe('rule-3')
    expect('regions' in withRegions(config, [])).toBe(false)
  })
})

describe('region code names', () => {
  it('should read typed codes forgivingly: commas, spaces, Japanese commas, lower case', () => {
    expect(parseRegionCodes(' eea, uk  CH、jp，us-ca,, * ')).toEqual(['EEA', 'UK', 'CH', 'JP', 'US-CA', '*'])
    expect(parseRegionCodes('  ')).toEqual([])
  })

  it('should name countries by Intl in the admin’s language, groups from the UI texts, subdivisions by country', () => {
    expect(regionCodeName('DE', 'en')).toBe('Germany')
    expect(regionCodeName('DE', 'ja')).toBe('ドイツ')
    expect(regionCodeName('US-CA', 'en')).toBe('United States, subdivision CA')
    expect(regionCodeName('XX', 'en')).toBeNull()
    expect(regionCodeName('us', 'en')).toBeNull()
    for (const group of Object.keys(REGION_GROUPS)) {
      // A group the UI texts do not name would fall back to the schema's English name.
      expect(EN, group).toHaveProperty([`regions.group.${group}`])
      expect(JA, group).toHaveProperty([`regions.group.${group}`])
    }
    setUiLanguage('ja')
    expect(regionCodeName('EEA', 'ja')).toBe(JA['regions.group.EEA'])
  })
})

describe('region rules in the rest of the admin', () => {
  const rules: RegionRule[] = [
    { key: 'japan', match: ['JP'], model: 'notice', optInPurposes: ['advertising'] },
    { key: 'default', match: ['*'], model: 'opt-in' },
  ]

  it('should label a rule’s fields as the form does, and link them to the Regions page', () => {
    const config = withRegions(configWithoutRules(), rules)
    expect(fieldLabel('regions.0.match.0', config)).toBe(
      'Rule 1 (japan) › Countries, subdivisions or groups › JP'
    )
    expect(fieldLabel('regions.1.key', config)).toBe('Rule 2 (default) › Key')
    expect(fieldLabel('regions', config)).toBe('Regions')
    expect(sectionOf('regions.0.match.0')).toBe('regions')
  })

  it('should rename a purpose in the rules that ask for it first', () => {
    const renamed = renamePurposeKey(withRegions(configWithoutRules(), rules), 'advertising', 'ads')
    expect(renamed.regions?.[0]?.optInPurposes).toEqual(['ads'])
    expect(siteConfigSchema.safeParse(renamed).success).toBe(true)
  })

  it('should word every region rule message in Japanese', () => {
    const bad: RegionRule[] = [
      { key: 'eu', match: ['EU', 'XX', 'US-ZZ', 'DE-BY', 'EU27', 'EU'], model: 'opt-in', optInPurposes: [] },
      { key: 'eu', match: ['EEA', '*', 'JP'], model: 'notice' },
      { key: 'jp', match: ['JP'], model: 'notice', optInPurposes: ['necessary', 'nope'] },
      { key: 'x', match: ['*'], model: 'notice' },
      { key: 'y', match: ['*'], model: 'notice' },
    ]
    const messages = [
      ...regionRulesIssues(bad),
      ...regionRulesIssues([]),
      ...regionPurposesIssues(bad, configWithoutRules().purposes),
      ...(regionsSchema.safeParse([{ key: 'a', match: [], model: 'maybe' }]).error?.issues ?? []),
    ].map((issue) => issue.message)
    expect(messages.length).toBeGreaterThan(10)
    setUiLanguage('ja')
    for (const message of messages) expect(errorText(message), message).not.toBe(message)
  })
})
