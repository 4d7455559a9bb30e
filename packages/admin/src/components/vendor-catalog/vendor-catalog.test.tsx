import { fireEvent, render, screen, within } from '@testing-library/preact'
import { type SiteConfig, siteConfigSchema, vendorSchema } from '@torii/schema'
import { VENDOR_CATALOG } from '@torii/schema/vendor-catalog'
import { useState } from 'preact/hooks'
import { beforeEach, describe, expect, it } from 'vitest'
import { configWithoutAdSense } from '../../../test/fixtures.ts'
import { setUiLanguage } from '../../i18n/index.ts'
import { addPresetVendor } from '../../lib/draft-ops.ts'
import { VendorCatalog } from './index.tsx'

let latest: SiteConfig

function Harness({ initial }: { initial: SiteConfig }) {
  const [config, setConfig] = useState(initial)
  latest = config
  return (
    <VendorCatalog
      config={config}
      onAdd={(preset, purposeKey) => {
        const next = addPresetVendor(config, preset, purposeKey)
        latest = next
        setConfig(next)
      }}
    />
  )
}

describe('VENDOR_CATALOG presets', () => {
  it.each(VENDOR_CATALOG.map((preset) => [preset.key, preset] as const))(
    '%s should validate against vendorSchema',
    (_key, preset) => {
      const { category: _category, ...vendor } = preset
      expect(vendorSchema.safeParse(vendor).error?.issues ?? []).toEqual([])
    }
  )
})

describe('VendorCatalog', () => {
  beforeEach(() => setUiLanguage('en'))

  it('should add AdSense to advertising, and the config stays valid', () => {
    render(<Harness initial={configWithoutAdSense()} />)
    const item = screen.getByText('Google AdSense').closest('li')!
    const select = within(item as HTMLElement).getByLabelText(
      'Purpose for Google AdSense'
    ) as HTMLSelectElement
    expect(select.value).toBe('advertising')
    fireEvent.click(within(item as HTMLElement).getByRole('button', { name: 'Add Google AdSense' }))
    const adsense = latest.vendors.find((vendor) => vendor.key === 'google-adsense')
    expect(adsense?.purposes).toEqual(['advertising'])
    expect(adsense).not.toHaveProperty('category')
    expect(siteConfigSchema.safeParse(latest).success).toBe(true)
    expect(within(item as HTMLElement).getByText('Google AdSense is added')).toBeTruthy()
  })

  it('should add a preset to the purpose the admin picks', () => {
    render(<Harness initial={configWithoutAdSense()} />)
    const item = screen.getByText('YouTube embeds').closest('li') as HTMLElement
    fireEvent.change(within(item).getByLabelText('Purpose for YouTube embeds'), {
      target: { value: 'analytics' },
    })
    fireEvent.click(within(item).getByRole('button', { name: 'Add YouTube embeds' }))
    expect(latest.vendors.find((vendor) => vendor.key === 'youtube')?.purposes).toEqual(['analytics'])
  })

  it('should suggest an existing purpose when the preset suggests one the site lacks', () => {
    const config = configWithoutAdSense()
    config.purposes = config.purposes.filter((purpose) => purpose.key !== 'advertising')
    render(<Harness initial={config} />)
    const select = screen.getByLabelText('Purpose for Meta Pixel') as HTMLSelectElement
    expect(select.value).toBe('analytics')
  })

  it('should show presets already on the site as added and keep one vendor per key', () => {
    const config = configWithoutAdSense()
    render(<Harness initial={config} />)
    expect(screen.getByText('Google Analytics 4 is added')).toBeTruthy()
    const again = addPresetVendor(config, VENDOR_CATALOG[0]!, 'analytics')
    expect(again.vendors.filter((vendor) => vendor.key === 'google-analytics')).toHaveLength(1)
  })
})
