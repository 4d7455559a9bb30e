import { fireEvent, render, screen } from '@testing-library/preact'
import { type SiteOptions, siteConfigSchema } from '@torii/schema'
import { beforeEach, describe, expect, it } from 'vitest'
import { demoConfig } from '../../../test/fixtures.ts'
import { setUiLanguage } from '../../i18n/index.ts'
import { issuesToFieldErrors } from '../../lib/field-errors.ts'
import { OptionsForm } from './index.tsx'

/** Renders the form as the settings page does: validated by the contract schema, errors at their fields. */
function setup(options: SiteOptions) {
  const changes: SiteOptions[] = []
  const result = siteConfigSchema.safeParse({ ...demoConfig(), options })
  const errors = result.success ? {} : issuesToFieldErrors(result.error.issues)
  const optionErrors = Object.fromEntries(
    Object.entries(errors).map(([path, message]) => [path.replace(/^options\./, ''), message])
  )
  render(<OptionsForm options={options} errors={optionErrors} onChange={(next) => changes.push(next)} />)
  return changes
}

describe('OptionsForm', () => {
  beforeEach(() => setUiLanguage('en'))

  it('should edit every option with its label, keeping what is not a whole number for validation', () => {
    const options = demoConfig().options
    const changes = setup(options)
    fireEvent.input(screen.getByLabelText('Consent lasts (days)'), { target: { value: '200' } })
    fireEvent.input(screen.getByLabelText('Refusal lasts (days)'), { target: { value: 'six' } })
    fireEvent.input(screen.getByLabelText('Cookie domain (optional)'), { target: { value: 'example.com ' } })
    fireEvent.change(screen.getByLabelText('Google Consent Mode'), { target: { value: 'advanced' } })
    fireEvent.input(screen.getByLabelText('Wait for the choice (milliseconds)'), { target: { value: '800' } })
    fireEvent.click(screen.getByLabelText(/ads_data_redaction/))
    fireEvent.click(screen.getByLabelText(/url_passthrough/))
    expect(
      changes.map((change) => Object.entries(change).find(([k, v]) => v !== options[k as 'consentDays']))
    ).toEqual([
      ['consentDays', 200],
      ['refusalDays', 'six'],
      ['cookieDomain', 'example.com'],
      ['consentMode', 'advanced'],
      ['waitForUpdateMs', 800],
      ['adsDataRedaction', !options.adsDataRedaction],
      ['urlPassthrough', !options.urlPassthrough],
    ])
    // Emptied, the cookie domain goes: the cookie stays on each host.
    fireEvent.input(screen.getByLabelText('Cookie domain (optional)'), { target: { value: ' ' } })
    expect('cookieDomain' in changes.at(-1)!).toBe(false)
  })

  it('should show each invalid option’s error in plain words at its field', () => {
    setup({
      ...demoConfig().options,
      consentDays: 9999,
      refusalDays: 'six' as unknown as number,
      cookieDomain: 'https://example.com',
      waitForUpdateMs: -1,
    })
    const errorOf = (label: string) => {
      const input = screen.getByLabelText(label)
      expect(input.getAttribute('aria-invalid')).toBe('true')
      const ids = input.getAttribute('aria-describedby')?.split(' ') ?? []
      return ids.map((id) => document.getElementById(id)?.textContent).join(' ')
    }
    expect(errorOf('Consent lasts (days)')).toContain('at most 395')
    expect(errorOf('Refusal lasts (days)')).toContain('must be a whole number')
    expect(errorOf('Cookie domain (optional)')).toContain('must be a domain such as example.com')
    expect(errorOf('Wait for the choice (milliseconds)')).toContain('at least 0')
  })
})
