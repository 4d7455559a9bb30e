import { fireEvent, render, screen } from '@testing-library/preact'
import type { Vendor } from '@torii/schema'
import { useState } from 'preact/hooks'
import { beforeEach, describe, expect, it } from 'vitest'
import { demoConfig } from '../../../test/fixtures.ts'
import type { FieldErrors } from '../../api/index.ts'
import { setUiLanguage } from '../../i18n/index.ts'
import { VendorEditor } from './index.tsx'

let latest: Vendor
const config = demoConfig()

function Harness({ initial, errors = {} }: { initial: Vendor; errors?: FieldErrors }) {
  const [vendor, setVendor] = useState(initial)
  latest = vendor
  return (
    <VendorEditor
      vendor={vendor}
      languages={config.languages}
      purposes={config.purposes}
      errors={errors}
      onChange={(next) => {
        latest = next
        setVendor(next)
      }}
    />
  )
}

const ga = () => structuredClone(config.vendors.find((vendor) => vendor.key === 'google-analytics')!)

describe('VendorEditor', () => {
  beforeEach(() => setUiLanguage('en'))

  it('should edit hosts one per line, keeping a blank line while typing', () => {
    render(<Harness initial={ga()} />)
    const hosts = screen.getByLabelText('Script and iframe hosts') as HTMLTextAreaElement
    expect(hosts.value.split('\n')).toEqual(ga().hosts)
    fireEvent.input(hosts, { target: { value: `${hosts.value}\n` } })
    expect(
      (screen.getByLabelText('Script and iframe hosts') as HTMLTextAreaElement).value.endsWith('\n')
    ).toBe(true)
    fireEvent.input(hosts, { target: { value: 'www.example.com\n Stats.Example.com ' } })
    expect(latest.hosts).toEqual(['www.example.com', 'stats.example.com'])
  })

  it('should keep the case of a path after the host, lowercasing the host only', () => {
    render(<Harness initial={ga()} />)
    const hosts = screen.getByLabelText('Script and iframe hosts') as HTMLTextAreaElement
    fireEvent.input(hosts, { target: { value: 'WWW.GoogleTagManager.com/gtag/js?id=G-\n*.Example.com' } })
    expect(latest.hosts).toEqual(['www.googletagmanager.com/gtag/js?id=G-', '*.example.com'])
  })

  it("should offer Google Tag Manager's modes for a vendor serving gtm.js, and none for others", () => {
    const gtm: Vendor = {
      ...ga(),
      key: 'my-gtm',
      hosts: ['www.googletagmanager.com/gtm.js'],
      purposes: ['analytics'],
    }
    render(<Harness initial={gtm} />)
    const load = screen.getByRole('radio', { name: 'Load the container before consent (recommended)' })
    expect(
      (screen.getByRole('radio', { name: 'Hold the container until consent' }) as HTMLInputElement).checked
    ).toBe(true)
    fireEvent.click(load)
    expect(latest.purposes).toEqual(['necessary'])
    expect((screen.getByRole('checkbox', { name: 'Strictly necessary' }) as HTMLInputElement).checked).toBe(
      true
    )
    fireEvent.click(screen.getByRole('radio', { name: 'Hold the container until consent' }))
    expect(latest.purposes).toEqual(['analytics'])
  })

  it('should not offer the modes for a vendor that does not serve gtm.js', () => {
    render(<Harness initial={ga()} />)
    expect(screen.queryByRole('radio')).toBeNull()
  })

  it('should assign the vendor to purposes with checkboxes', () => {
    render(<Harness initial={ga()} />)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Advertising' }))
    expect(latest.purposes).toEqual(['analytics', 'advertising'])
    fireEvent.click(screen.getByRole('checkbox', { name: 'Analytics' }))
    expect(latest.purposes).toEqual(['advertising'])
  })

  it('should add and remove cookies with retention per language', () => {
    render(<Harness initial={ga()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Add a cookie' }))
    expect(latest.cookies).toHaveLength(3)
    const names = screen.getAllByLabelText('Cookie name') as HTMLInputElement[]
    fireEvent.input(names[2]!, { target: { value: '_my_cookie' } })
    fireEvent.input(screen.getAllByLabelText('Retention (ja)')[2]!, { target: { value: '1年' } })
    expect(latest.cookies[2]).toMatchObject({ name: '_my_cookie', retention: { ja: '1年', en: '' } })
    fireEvent.click(screen.getByRole('button', { name: 'Remove cookie _ga' }))
    expect(latest.cookies.map((cookie) => cookie.name)).toEqual(['_ga_*', '_my_cookie'])
  })

  it('should drop the opt-out URL when cleared and edit disclosure texts', () => {
    render(<Harness initial={ga()} />)
    fireEvent.input(screen.getByLabelText('Opt-out URL (optional)'), { target: { value: ' ' } })
    expect(latest.optOutUrl).toBeUndefined()
    fireEvent.input(screen.getByLabelText('Recipient (ja)'), { target: { value: 'グーグル合同会社' } })
    expect(latest.recipient).toEqual({ ja: 'グーグル合同会社', en: 'Google LLC (United States)' })
  })

  it('should show errors from the schema or the server at their fields', () => {
    render(
      <Harness
        initial={ga()}
        errors={{
          privacyPolicyUrl: 'must be an http(s) URL',
          'hosts.1': 'must be a host name',
          'use.en': 'is required',
        }}
      />
    )
    const url = screen.getByLabelText('Privacy policy URL')
    expect(url.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('must be an http(s) URL')).toBeTruthy()
    expect(screen.getByText('*.google-analytics.com: must be a host name')).toBeTruthy()
    expect(screen.getByLabelText('Purpose of use (en)').getAttribute('aria-invalid')).toBe('true')
  })
})
