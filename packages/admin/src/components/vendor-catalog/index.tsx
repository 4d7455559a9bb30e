import { useSignal } from '@preact/signals'
import type { SiteConfig } from '@torii/schema'
import { type CatalogVendor, VENDOR_CATALOG } from '@torii/schema/vendor-catalog'
import { useId } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import { suggestPurpose } from '../../lib/draft-ops.ts'
import { isTagManager } from '../../lib/gtm-mode.ts'
import { localText } from '../../lib/local-text.ts'
import { GtmModeField } from '../gtm-mode/index.tsx'

export interface VendorCatalogProps {
  config: SiteConfig
  onAdd: (preset: CatalogVendor, purposeKey: string) => void
  catalog?: CatalogVendor[]
  disabled?: boolean
}

function CatalogItem({
  preset,
  config,
  onAdd,
  disabled,
}: Omit<VendorCatalogProps, 'catalog'> & { preset: CatalogVendor }) {
  const id = useId()
  const chosen = useSignal<string | null>(null)
  const purposeKey = chosen.value ?? suggestPurpose(config, preset)
  const added = config.vendors.some((vendor) => vendor.key === preset.key)
  return (
    <li class="catalog-item" data-preset={preset.key}>
      <h3>{preset.name}</h3>
      <p class="hint">{preset.hosts.join(', ')}</p>
      {added ? (
        <p class="badge">{t('vendors.alreadyAdded', { name: preset.name })}</p>
      ) : (
        <div class="catalog-add">
          {isTagManager(preset) ? (
            // GTM's purpose is its mode (load before consent, or hold), offered in words.
            <GtmModeField
              sitePurposes={config.purposes}
              language={config.defaultLanguage}
              purposes={[purposeKey]}
              disabled={disabled}
              onPurposes={([key]) => (chosen.value = key ?? null)}
            />
          ) : (
            <>
              <label for={id}>{t('vendors.addTo', { name: preset.name })}</label>
              <select
                id={id}
                value={purposeKey}
                disabled={disabled}
                onChange={(event) => (chosen.value = event.currentTarget.value)}
              >
                {config.purposes.map((purpose) => (
                  <option key={purpose.key} value={purpose.key}>
                    {localText(purpose.name, config.defaultLanguage, purpose.key)}
                  </option>
                ))}
              </select>
            </>
          )}
          <button type="button" disabled={disabled || !purposeKey} onClick={() => onAdd(preset, purposeKey)}>
            {t('vendors.addPreset', { name: preset.name })}
          </button>
        </div>
      )}
    </li>
  )
}

/** The vendor presets, each addable to a purpose of the site with one click. */
export function VendorCatalog({ config, onAdd, catalog = VENDOR_CATALOG, disabled }: VendorCatalogProps) {
  return (
    <ul class="catalog">
      {catalog.map((preset) => (
        <CatalogItem key={preset.key} preset={preset} config={config} onAdd={onAdd} disabled={disabled} />
      ))}
    </ul>
  )
}
