import { useSignal } from '@preact/signals'
import { type Jurisdiction, resolveRegionRule, type SiteConfig } from '@torii/schema'
import { useMemo } from 'preact/hooks'
import type { FieldErrors } from '../../api/index.ts'
import { t, uiLanguage } from '../../i18n/index.ts'
import { countryName, regionCodeName } from '../../lib/region-names.ts'
import { countryChoices, matchedCode, subdivisionChoices } from '../../lib/visitor-place.ts'
import { BannerPreview } from '../banner-preview/index.tsx'
import { SelectField } from '../field/index.tsx'

export interface RegionPreviewProps {
  config: SiteConfig
  /** The draft's field errors: rules with errors are not previewed. */
  errors: FieldErrors
}

/**
 * "As a visitor from …": a country (and a subdivision where Torii knows them), the draft's rule that applies
 * there, and the real banner as that visitor's first visit shows it.
 */
export function RegionPreview({ config, errors }: RegionPreviewProps) {
  const country = useSignal('')
  const subdivision = useSignal('')
  const chosenLanguage = useSignal<string | null>(null)
  const ui = uiLanguage.value
  const language =
    chosenLanguage.value && config.languages.includes(chosenLanguage.value)
      ? chosenLanguage.value
      : config.defaultLanguage
  const countries = useMemo(() => countryChoices(ui), [ui])
  const subdivisions = subdivisionChoices(country.value)
  const place: Jurisdiction = {
    ...(country.value ? { country: country.value } : {}),
    ...(subdivision.value ? { subdivision: subdivision.value } : {}),
  }
  const rulesInvalid = Object.keys(errors).some((path) => path === 'regions' || path.startsWith('regions.'))
  const rule = rulesInvalid ? null : resolveRegionRule(config.regions, place)
  const placeName = subdivision.value
    ? (regionCodeName(subdivision.value, ui) ?? subdivision.value)
    : country.value
      ? countryName(country.value, ui)
      : t('regions.previewUnknownCountry')
  const matched = rule && config.regions ? matchedCode(rule, place) : null
  return (
    <div class="region-preview">
      <div class="region-preview-place">
        <SelectField
          label={t('regions.previewCountry')}
          value={country.value}
          options={[
            { value: '', label: t('regions.previewUnknownCountry') },
            ...countries.map(({ code, name }) => ({ value: code, label: `${name} (${code})` })),
          ]}
          onValue={(code) => {
            country.value = code
            subdivision.value = ''
          }}
        />
        {subdivisions.length > 0 && (
          <SelectField
            label={t('regions.previewSubdivision')}
            value={subdivision.value}
            options={[
              { value: '', label: t('regions.previewUnknownSubdivision') },
              ...subdivisions.map((code) => ({ value: code, label: `${code} ${regionCodeName(code, ui)}` })),
            ]}
            onValue={(code) => (subdivision.value = code)}
          />
        )}
        <SelectField
          label={t('regions.previewLanguage')}
          value={language}
          options={config.languages.map((code) => ({ value: code, label: code }))}
          onValue={(code) => (chosenLanguage.value = code)}
        />
      </div>
      <div
        role="status"
        data-testid="region-preview-rule"
        data-rule-key={rule?.key}
        data-rule-model={rule?.model}
      >
        {!rule ? (
          <p class="notice">{t('regions.previewInvalid')}</p>
        ) : !config.regions ? (
          <p>{t('regions.previewNoRules')}</p>
        ) : (
          <p>
            <strong>
              {t('regions.previewRule', { key: rule.key, model: t(`regions.model.${rule.model}`) })}
            </strong>{' '}
            {matched === null || matched === '*'
              ? t('regions.previewDefault')
              : t('regions.previewMatched', { code: matched, name: regionCodeName(matched, ui) ?? matched })}
          </p>
        )}
      </div>
      {rule && (
        <BannerPreview
          config={config}
          language={language}
          rule={rule}
          label={t('regions.previewLabel', { place: placeName, language })}
        />
      )}
    </div>
  )
}
