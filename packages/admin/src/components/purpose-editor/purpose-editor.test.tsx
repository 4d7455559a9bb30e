import { fireEvent, render, screen } from '@testing-library/preact'
import type { SiteConfig } from '@torii/schema'
import { useState } from 'preact/hooks'
import { beforeEach, describe, expect, it } from 'vitest'
import { demoConfig } from '../../../test/fixtures.ts'
import type { FieldErrors } from '../../api/index.ts'
import { setUiLanguage } from '../../i18n/index.ts'
import { PurposeEditor } from './index.tsx'

let latest: SiteConfig

function Harness({ initial, errors = {} }: { initial: SiteConfig; errors?: FieldErrors }) {
  const [config, setConfig] = useState(initial)
  latest = config
  return (
    <PurposeEditor
      config={config}
      errors={errors}
      onChange={(next) => {
        latest = next
        setConfig(next)
      }}
    />
  )
}

describe('PurposeEditor', () => {
  beforeEach(() => setUiLanguage('en'))

  it('should edit a purpose name per language', () => {
    render(<Harness initial={demoConfig()} />)
    const input = screen.getAllByLabelText('Name (ja)')[1] as HTMLInputElement
    expect(input.value).toBe('アクセス解析')
    fireEvent.input(input, { target: { value: '解析' } })
    expect(latest.purposes[1]?.name.ja).toBe('解析')
    expect(latest.purposes[1]?.name.en).toBe('Analytics')
  })

  it('should rename the key in the vendors that use the purpose', () => {
    render(<Harness initial={demoConfig()} />)
    const key = screen.getAllByLabelText('Key')[2] as HTMLInputElement
    expect(key.value).toBe('advertising')
    fireEvent.input(key, { target: { value: 'ads' } })
    expect(latest.purposes[2]?.key).toBe('ads')
    expect(latest.vendors.find((vendor) => vendor.key === 'google-adsense')?.purposes).toEqual(['ads'])
  })

  it('should toggle required and Consent Mode types with real checkboxes', () => {
    render(<Harness initial={demoConfig()} />)
    const required = screen.getAllByRole('checkbox', { name: 'Required (always on)' })[1] as HTMLInputElement
    expect(required.checked).toBe(false)
    fireEvent.click(required)
    expect(latest.purposes[1]?.required).toBe(true)
    const adStorage = screen.getAllByRole('checkbox', { name: 'ad_storage' })[1]!
    fireEvent.click(adStorage)
    expect(latest.purposes[1]?.consentTypes).toEqual(['ad_storage', 'analytics_storage'])
  })

  it('should not remove a purpose vendors still use, and remove an unused one', () => {
    render(<Harness initial={demoConfig()} />)
    const remove = screen.getByRole('button', { name: 'Remove purpose advertising' }) as HTMLButtonElement
    expect(remove.disabled).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Add a purpose' }))
    expect(latest.purposes).toHaveLength(4)
    expect(latest.purposes[3]?.key).toBe('purpose-4')
    fireEvent.click(screen.getByRole('button', { name: 'Remove purpose purpose-4' }))
    expect(latest.purposes.map((purpose) => purpose.key)).toEqual(['necessary', 'analytics', 'advertising'])
  })

  it('should show field errors at the field and mark it invalid', () => {
    render(
      <Harness
        initial={demoConfig()}
        errors={{ 'purposes.1.name.en': 'is required', 'purposes.0.key': 'bad key' }}
      />
    )
    const input = screen.getAllByLabelText('Name (en)')[1] as HTMLInputElement
    expect(input.getAttribute('aria-invalid')).toBe('true')
    const describedBy = input.getAttribute('aria-describedby')!
    expect(document.getElementById(describedBy)?.textContent).toBe('is required')
    expect(screen.getByText('bad key')).toBeTruthy()
    expect((screen.getAllByLabelText('Name (en)')[0] as HTMLInputElement).hasAttribute('aria-invalid')).toBe(
      false
    )
  })
})
