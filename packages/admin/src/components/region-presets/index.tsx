import type { SiteConfig } from '@torii/schema'
import { type MessageKey, t } from '../../i18n/index.ts'
import { hasPreset, REGION_PRESETS, type RegionPreset } from '../../lib/region-presets.ts'

export interface RegionPresetsProps {
  config: SiteConfig
  onAdd: (preset: RegionPreset) => void
  disabled?: boolean
}

/** The preset's name in the UI language ("Japan: notice"). */
export function presetName(preset: RegionPreset): string {
  return t(`regions.preset.${preset.key}` as MessageKey)
}

/** The region presets, each added with one click; one already in the rules shows as added. */
export function RegionPresets({ config, onAdd, disabled }: RegionPresetsProps) {
  return (
    <ul class="catalog">
      {REGION_PRESETS.map((preset) => {
        const name = presetName(preset)
        return (
          <li key={preset.key} class="catalog-item" data-region-preset={preset.key}>
            <h3>{name}</h3>
            <p class="hint">
              <code>{preset.rule.match.join(', ')}</code>: {t(`regions.model.${preset.rule.model}`)}
            </p>
            {hasPreset(config, preset) ? (
              <p class="badge">{t('regions.presetAdded', { name })}</p>
            ) : (
              <button type="button" disabled={disabled} onClick={() => onAdd(preset)}>
                {t('regions.addPreset', { name })}
              </button>
            )}
          </li>
        )
      })}
    </ul>
  )
}
