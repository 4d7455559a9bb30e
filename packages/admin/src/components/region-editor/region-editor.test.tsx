import { fireEvent, render, screen, within } from '@testing-library/preact'
import { type SiteConfig, siteConfigSchema } from '@torii/schema'
import { useState } from 'preact/hooks'
import { beforeEach, describe, expect, it } from 'vitest'
import { configWithoutRules } from '../../../test/fixtures.ts'
import type { FieldErrors } from '../../api/index.ts'
import { setUiLanguage } from '../../i18n/index.ts'
import { issuesToFieldErrors } from '../../lib/field-errors.ts'
import { RegionEditor } from './index.tsx'

let latest: SiteConfig

/** The editor with the draft model's client-side check: the schema's field errors, plus the server's. */
function Harness({ initial, serverErrors = {} }: { initial: SiteConfig; serverErrors?: FieldErrors }) {
  const [config, setConfig] = useState(initial)
  latest = config
  const result = siteConfigSchema.safeParse(config)
  const errors = { ...(result.success ? {} : issuesToFieldErrors(result.error.issues)), ...serverErrors }
  return (
    <RegionEditor
      config={config}
      errors={errors}
      onChange={(next) => {
        latest = next
        setConfig(next)
      }}
    />
  )
}

const rule = (key: string, name = `Rule: ${key}`) => screen.getByRole('group', { name })
/** What the rule's code list says beside `code`. */
const shownFor = (group: HTMLElement, code: string) =>
  group.querySelector(`li[data-code="${code}"]`)?.textContent ?? null

describe('RegionEditor', () => {
  beforeEach(() => setUiLanguage('en'))

  it('should explain that without rules every visitor gets opt-in, and start from the recommended rules', () => {
    render(<Harness initial={configWithoutRules()} />)
    expect(latest.regions).toBeUndefined()
    expect(
      screen.getByText(/No rules yet: every visitor, wherever they are, gets the opt-in banner/)
    ).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Start from the recommended rules' }))
    expect(latest.regions).toEqual([
      { key: 'eea-uk-ch', match: ['EEA', 'UK', 'CH'], model: 'opt-in' },
      { key: 'us-privacy', match: ['US-PRIVACY-STATES'], model: 'opt-out' },
      { key: 'japan', match: ['JP'], model: 'notice' },
      { key: 'default', match: ['*'], model: 'opt-in' },
    ])
    expect(siteConfigSchema.safeParse(latest).success).toBe(true)
    // Each code is shown with what it stands for; every preset now shows as added.
    expect(shownFor(rule('eea-uk-ch'), 'EEA')).toBe(
      'EEA European Economic Area (EU + Iceland, Liechtenstein, Norway)'
    )
    expect(shownFor(rule('eea-uk-ch'), 'CH')).toBe('CH Switzerland')
    expect(shownFor(rule('japan'), 'JP')).toBe('JP Japan')
    expect(shownFor(rule('default'), '*')).toBe('* every other visitor (default rule)')
    expect(screen.queryByRole('button', { name: /^Add “/ })).toBeNull()
    expect(screen.getByText('“Japan: notice” is added')).toBeTruthy()
  })

  it('should add one preset, then a second one, and keep what the owner edited', () => {
    render(<Harness initial={configWithoutRules()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Add “Japan: notice”' }))
    expect(latest.regions).toEqual([{ key: 'japan', match: ['JP'], model: 'notice' }])
    expect(screen.getByRole('status').textContent).toBe('Rule japan added. Save the draft to keep it.')
    // Only a rule for Japan: the draft still needs a default rule, said at the top of the rules.
    expect(screen.getByText('needs a default rule: one whose match is ["*"]')).toBeTruthy()
    const codes = within(rule('japan')).getByLabelText('Countries, subdivisions or groups')
    fireEvent.input(codes, { target: { value: 'jp, kr' } })
    expect(latest.regions?.[0]?.match).toEqual(['JP', 'KR'])
    expect(shownFor(rule('japan'), 'KR')).toBe('KR South Korea')
    fireEvent.click(screen.getByRole('button', { name: 'Add “Default: opt-in”' }))
    expect(latest.regions?.map((item) => item.key)).toEqual(['japan', 'default'])
    expect(latest.regions?.[0]?.match).toEqual(['JP', 'KR'])
    expect(siteConfigSchema.safeParse(latest).success).toBe(true)
  })

  it('should edit the model and the opt-in purposes of a rule', () => {
    render(<Harness initial={configWithoutRules()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Start from the recommended rules' }))
    const japan = rule('japan')
    expect(within(japan).getByText(/Japan’s external transmission rule asks for this/)).toBeTruthy()
    fireEvent.click(within(japan).getByRole('checkbox', { name: 'Advertising' }))
    expect(latest.regions?.[2]).toEqual({
      key: 'japan',
      match: ['JP'],
      model: 'notice',
      optInPurposes: ['advertising'],
    })
    // Opt-in asks first for every purpose: switching to it drops the per-purpose list.
    fireEvent.change(within(japan).getByLabelText('Model'), { target: { value: 'opt-in' } })
    expect(latest.regions?.[2]).toEqual({ key: 'japan', match: ['JP'], model: 'opt-in' })
    expect(within(rule('japan')).queryByRole('checkbox')).toBeNull()
    // The opt-out rule says which purposes Global Privacy Control turns off.
    expect(
      within(rule('us-privacy')).getByText('Global Privacy Control turns off: Advertising.')
    ).toBeTruthy()
  })

  it('should show an unknown code’s error beside it, and clear it once fixed', () => {
    render(<Harness initial={configWithoutRules()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Start from the recommended rules' }))
    const codes = within(rule('japan')).getByLabelText(
      'Countries, subdivisions or groups'
    ) as HTMLInputElement
    fireEvent.input(codes, { target: { value: 'JP, XX' } })
    const error = within(rule('japan')).getByText(/"XX" is not an assigned ISO 3166-1 country code/)
    expect(error.closest('li')?.dataset.code).toBe('XX')
    expect(codes.getAttribute('aria-invalid')).toBe('true')
    expect(codes.getAttribute('aria-describedby')).toContain(error.closest('ul')!.id)
    fireEvent.input(codes, { target: { value: 'JP, KR' } })
    expect(within(rule('japan')).queryByText(/is not an assigned/)).toBeNull()
    expect(codes.hasAttribute('aria-invalid')).toBe(false)
  })

  it('should show the server’s field errors at their field', () => {
    render(
      <Harness
        initial={{ ...configWithoutRules(), regions: [{ key: 'default', match: ['*'], model: 'opt-in' }] }}
        serverErrors={{ 'regions.0.key': 'refused by the server', 'regions.0.match.0': 'not today' }}
      />
    )
    const key = within(rule('default')).getByLabelText('Key')
    expect(key.getAttribute('aria-invalid')).toBe('true')
    expect(
      document.getElementById(key.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent
    ).toBe('refused by the server')
    expect(
      within(rule('default'))
        .getByText(/not today/)
        .closest('li')?.dataset.code
    ).toBe('*')
  })

  it('should reorder and remove rules, and drop the field with the last one', () => {
    render(<Harness initial={configWithoutRules()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Start from the recommended rules' }))
    fireEvent.click(screen.getByRole('button', { name: 'Move japan up' }))
    expect(latest.regions?.map((item) => item.key)).toEqual(['eea-uk-ch', 'japan', 'us-privacy', 'default'])
    fireEvent.click(screen.getByRole('button', { name: 'Remove rule us-privacy' }))
    expect(latest.regions?.map((item) => item.key)).toEqual(['eea-uk-ch', 'japan', 'default'])
    expect(screen.getByRole('button', { name: 'Add “US privacy states: opt-out (with GPC)”' })).toBeTruthy()
    for (const key of ['eea-uk-ch', 'japan', 'default']) {
      fireEvent.click(screen.getByRole('button', { name: `Remove rule ${key}` }))
    }
    expect('regions' in latest).toBe(false)
    expect(screen.getByRole('button', { name: 'Start from the recommended rules' })).toBeTruthy()
  })

  it('should speak Japanese, with country names from the browser', () => {
    setUiLanguage('ja')
    render(<Harness initial={configWithoutRules()} />)
    fireEvent.click(screen.getByRole('button', { name: 'おすすめのルールから始める' }))
    expect(shownFor(rule('japan', 'ルール：japan'), 'JP')).toBe('JP 日本')
    expect(shownFor(rule('eea-uk-ch', 'ルール：eea-uk-ch'), 'CH')).toBe('CH スイス')
    expect(shownFor(rule('us-privacy', 'ルール：us-privacy'), 'US-PRIVACY-STATES')).toBe(
      'US-PRIVACY-STATES 包括的なプライバシー法のある米国の州'
    )
  })
})
