import { useSignal } from '@preact/signals'
import type { SiteConfig } from '@torii/schema'
import type { CatalogVendor } from '@torii/schema/vendor-catalog'
import { useId } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import { suggestPurpose } from '../../lib/draft-ops.ts'
import { isTagManager } from '../../lib/gtm-mode.ts'
import { localText } from '../../lib/local-text.ts'
import { GtmModeField } from '../gtm-mode/index.tsx'

export interface CatalogItemProps {
  preset: CatalogVendor
  config: SiteConfig
  onAdd: (preset: CatalogVendor, purposeKey: string) => void
  disabled?: boolean
}

/** One preset: its name and URL patterns, and a purpose to add it to with one click (or "added"). */
export function CatalogItem({ preset, config, onAdd, disabled }: CatalogItemProps) {
  const id = useId()
  const chosen = useSignal<string | null>(null)
  const purposeKey = chosen.value ?? suggestPurpose(config, preset)
  const added = config.vendors.some((vendor) => vendor.key === preset.key)
  return (
    <li class="catalog-item" data-preset={preset.key}>
      <h4>{preset.name}</h4>
      <p class="hint catalog-hosts">{preset.hosts.join(', ')}</p>
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
