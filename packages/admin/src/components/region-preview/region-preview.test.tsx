import { fireEvent, render, screen } from '@testing-library/preact'
import type { SiteConfig } from '@torii/schema'
import { beforeEach, describe, expect, it } from 'vitest'
import { demoConfig } from '../../../test/fixtures.ts'
import { setUiLanguage } from '../../i18n/index.ts'
import { RegionPreview } from './index.tsx'

const ruleShown = () => screen.getByTestId('region-preview-rule')
const pick = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('RegionPreview', () => {
  beforeEach(() => setUiLanguage('en'))

  it('should show the rule of each place with the code that matched, most specific first', () => {
    render(<RegionPreview config={demoConfig()} errors={{}} />)
    // No country known (a local visitor): the default rule.
    expect(ruleShown().dataset.ruleKey).toBe('default')
    expect(ruleShown().textContent).toBe(
      'Rule that applies: default (Opt-in: ask first) No other rule matches: the default rule.'
    )
    pick('Visitor’s country', 'JP')
    expect(ruleShown().dataset.ruleKey).toBe('japan')
    expect(ruleShown().dataset.ruleModel).toBe('notice')
    expect(ruleShown().textContent).toContain('Matched by JP: Japan.')
    pick('Visitor’s country', 'DE')
    expect(ruleShown().dataset.ruleKey).toBe('eea-uk-ch')
    expect(ruleShown().textContent).toContain(
      'Matched by EEA: European Economic Area (EU + Iceland, Liechtenstein, Norway).'
    )
    expect(screen.queryByLabelText('Visitor’s subdivision')).toBeNull()
    // A US visitor whose state is unknown is not in a privacy state: the default rule.
    pick('Visitor’s country', 'US')
    expect(ruleShown().dataset.ruleKey).toBe('default')
    pick('Visitor’s subdivision', 'US-CA')
    expect(ruleShown().dataset.ruleKey).toBe('us-privacy')
    expect(ruleShown().dataset.ruleModel).toBe('opt-out')
    expect(ruleShown().textContent).toContain('Matched by US-PRIVACY-STATES')
    pick('Visitor’s subdivision', 'US-NY')
    expect(ruleShown().dataset.ruleKey).toBe('default')
    // Another country drops the subdivision: a Californian's would keep the US privacy rule for Germany.
    pick('Visitor’s subdivision', 'US-CA')
    pick('Visitor’s country', 'DE')
    expect(ruleShown().dataset.ruleKey).toBe('eea-uk-ch')
    // Another country starts without a subdivision.
    pick('Visitor’s country', 'CA')
    expect((screen.getByLabelText('Visitor’s subdivision') as HTMLSelectElement).value).toBe('')
  })

  it('should rank a subdivision rule over a country rule over a group rule', () => {
    const config: SiteConfig = {
      ...demoConfig(),
      regions: [
        { key: 'california', match: ['US-CA'], model: 'opt-in' },
        { key: 'us', match: ['US'], model: 'notice' },
        { key: 'us-privacy', match: ['US-PRIVACY-STATES'], model: 'opt-out' },
        { key: 'default', match: ['*'], model: 'opt-in' },
      ],
    }
    render(<RegionPreview config={config} errors={{}} />)
    pick('Visitor’s country', 'US')
    pick('Visitor’s subdivision', 'US-CA')
    expect(ruleShown().dataset.ruleKey).toBe('california')
    expect(ruleShown().textContent).toContain('Matched by US-CA')
    pick('Visitor’s subdivision', 'US-VA')
    expect(ruleShown().dataset.ruleKey).toBe('us')
    expect(ruleShown().textContent).toContain('Matched by US: United States.')
  })

  it('should say that a draft without rules is opt-in everywhere, and not preview rules with errors', () => {
    const { regions: _regions, ...withoutRules } = demoConfig()
    const { unmount } = render(<RegionPreview config={withoutRules} errors={{}} />)
    expect(ruleShown().textContent).toBe('This draft has no rules: every visitor gets the opt-in banner.')
    expect(ruleShown().dataset.ruleModel).toBe('opt-in')
    unmount()
    render(
      <RegionPreview config={demoConfig()} errors={{ 'regions.1.match.0': 'unknown region code "XX"' }} />
    )
    expect(ruleShown().textContent).toBe('Fix the rules above to preview them.')
    expect(ruleShown().dataset.ruleKey).toBeUndefined()
    expect(screen.queryByTestId('banner-preview')).toBeNull()
  })

  it('should offer every country by name and the site languages', () => {
    render(<RegionPreview config={demoConfig()} errors={{}} />)
    const countries = screen.getByLabelText('Visitor’s country') as HTMLSelectElement
    expect(countries.options).toHaveLength(250)
    expect(countries.options[0]!.textContent).toBe('Unknown (no country known: the default rule)')
    expect([...countries.options].some((option) => option.textContent === 'Japan (JP)')).toBe(true)
    const languages = screen.getByLabelText('Visitor’s language') as HTMLSelectElement
    expect([...languages.options].map((option) => option.value)).toEqual(['ja', 'en'])
    expect(languages.value).toBe('ja')
  })
})
