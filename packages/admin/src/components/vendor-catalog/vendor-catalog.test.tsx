import { fireEvent, render, screen, within } from '@testing-library/preact'
import { type SiteConfig, siteConfigSchema, vendorSchema } from '@torii/schema'
import { catalogVendorToVendor, VENDOR_CATALOG } from '@torii/schema/vendor-catalog'
import { useState } from 'preact/hooks'
import { beforeEach, describe, expect, it } from 'vitest'
import { configWithoutAdSense } from '../../../test/fixtures.ts'
import { setUiLanguage } from '../../i18n/index.ts'
import { addPresetVendor } from '../../lib/draft-ops.ts'
import { VendorCatalog } from './index.tsx'

let latest: SiteConfig

function Harness({ initial, lazy = false }: { initial: SiteConfig; lazy?: boolean }) {
  const [config, setConfig] = useState(initial)
  latest = config
  return (
    <VendorCatalog
      config={config}
      catalog={lazy ? undefined : VENDOR_CATALOG}
      onAdd={(preset, purposeKey) => {
        const next = addPresetVendor(config, preset, purposeKey)
        latest = next
        setConfig(next)
      }}
    />
  )
}

function search(text: string, label = 'Search the catalog') {
  fireEvent.input(screen.getByLabelText(label), { target: { value: text } })
}

const shownPresets = () =>
  [...document.querySelectorAll('[data-preset]')].map((item) => item.getAttribute('data-preset'))

describe('VENDOR_CATALOG presets', () => {
  it.each(VENDOR_CATALOG.map((preset) => [preset.key, preset] as const))(
    '%s should validate against vendorSchema',
    (_key, preset) => {
      const vendor = catalogVendorToVendor(preset)
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
    expect(adsense).not.toHaveProperty('source')
    expect(adsense).not.toHaveProperty('consentTypes')
    expect(siteConfigSchema.safeParse(latest).success).toBe(true)
    expect(within(item as HTMLElement).getByText('Google AdSense is added')).toBeTruthy()
  })

  it("should offer Google Tag Manager's two modes in words: load before consent by default, or hold", () => {
    render(<Harness initial={configWithoutAdSense()} />)
    const item = screen.getByText('Google Tag Manager').closest('li') as HTMLElement
    const load = within(item).getByRole('radio', { name: 'Load the container before consent (recommended)' })
    const hold = within(item).getByRole('radio', { name: 'Hold the container until consent' })
    expect((load as HTMLInputElement).checked).toBe(true)
    expect(within(item).queryByLabelText('Purpose for Google Tag Manager')).toBeNull()
    expect(within(item).getByText(/until the visitor allows “Analytics”/)).toBeTruthy()
    fireEvent.click(hold)
    fireEvent.click(within(item).getByRole('button', { name: 'Add Google Tag Manager' }))
    const gtm = latest.vendors.find((vendor) => vendor.key === 'google-tag-manager')
    expect(gtm?.purposes).toEqual(['analytics'])
    expect(gtm?.hosts).toEqual(['www.googletagmanager.com/gtm.js', 'www.googletagmanager.com/ns.html'])
    expect(siteConfigSchema.safeParse(latest).success).toBe(true)
  })

  it('should add Google Tag Manager under the required purpose when loaded before consent', () => {
    render(<Harness initial={configWithoutAdSense()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Add Google Tag Manager' }))
    expect(latest.vendors.find((vendor) => vendor.key === 'google-tag-manager')?.purposes).toEqual([
      'necessary',
    ])
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

  it('should group the presets under a heading per category', () => {
    render(<Harness initial={configWithoutAdSense()} />)
    const headings = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)
    expect(headings).toEqual([
      'Analytics',
      'Advertising',
      'Affiliate',
      'Marketing and chat',
      'Embedded content',
      'Tag managers',
      'Security (bot protection)',
    ])
    const affiliate = screen.getByRole('region', { name: 'Affiliate' })
    expect(within(affiliate).getByText('A8.net')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe(
      `${VENDOR_CATALOG.length} of ${VENDOR_CATALOG.length} vendors`
    )
  })

  it('should find presets by name, by host and by category, and say when nothing matches', () => {
    render(<Harness initial={configWithoutAdSense()} />)
    search('line tag')
    expect(shownPresets()).toEqual(['line-tag'])
    search('yimg.jp')
    expect(shownPresets()).toEqual(['yahoo-japan-ads'])
    search('ＫＡＲＴＥ')
    expect(shownPresets()).toEqual(['karte'])
    search('affiliate')
    expect(shownPresets().length).toBeGreaterThanOrEqual(7)
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Affiliate',
    ])
    search('no such vendor')
    expect(shownPresets()).toEqual([])
    expect(screen.getByRole('status').textContent).toBe(
      'No vendor in the catalog matches “no such vendor”. Add it as a custom vendor.'
    )
  })

  it('should find a category by its Japanese name in the Japanese UI', () => {
    setUiLanguage('ja')
    render(<Harness initial={configWithoutAdSense()} />)
    search('アフィリエイト', 'カタログを検索')
    expect(shownPresets()).toContain('a8-net')
    expect(shownPresets()).not.toContain('google-analytics')
  })

  it('should load the catalog on first use when none is given, then add a Japanese vendor', async () => {
    render(<Harness initial={configWithoutAdSense()} lazy />)
    expect(screen.getByRole('status').textContent).toBe('Loading the catalog…')
    await screen.findByLabelText('Search the catalog')
    search('LINE')
    const item = (await screen.findByText('LINE Tag (LINE Ads)')).closest('li') as HTMLElement
    fireEvent.click(within(item).getByRole('button', { name: 'Add LINE Tag (LINE Ads)' }))
    const line = latest.vendors.find((vendor) => vendor.key === 'line-tag')
    expect(line?.purposes).toEqual(['advertising'])
    expect(line?.recipient).toEqual({ ja: 'LINEヤフー株式会社（日本）', en: 'LY Corporation (Japan)' })
  })
})
