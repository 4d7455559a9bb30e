import type { RegionRule, SiteConfig } from '@torii/schema'
import { useState } from 'preact/hooks'
import type { FieldErrors } from '../../api/index.ts'
import { errorText } from '../../i18n/error-text.ts'
import { t } from '../../i18n/index.ts'
import { move } from '../../lib/draft-ops.ts'
import { errorsUnder } from '../../lib/field-errors.ts'
import {
  addRegionPresets,
  newRegionRule,
  REGION_PRESETS,
  type RegionPreset,
  withRegions,
} from '../../lib/region-presets.ts'
import { FieldGroup } from '../field/index.tsx'
import { RegionPresets } from '../region-presets/index.tsx'
import { RegionRuleFields } from './region-rule-fields.tsx'

export interface RegionEditorProps {
  config: SiteConfig
  /** Errors of the whole config, dotted (`regions.1.match.0`). */
  errors: FieldErrors
  onChange: (config: SiteConfig) => void
  readOnly?: boolean
}

/** Edits the region rules: the empty state, each rule (add, remove, reorder) and the presets. */
export function RegionEditor({ config, errors, onChange, readOnly }: RegionEditorProps) {
  const [message, setMessage] = useState('')
  const rules = config.regions ?? []
  const setRules = (next: RegionRule[]) => onChange(withRegions(config, next))

  function addPreset(preset: RegionPreset) {
    onChange(addRegionPresets(config, [preset]))
    setMessage(t('regions.added', { key: preset.rule.key }))
  }
  function addRecommended() {
    onChange(addRegionPresets(config, REGION_PRESETS))
    setMessage(t('regions.recommendedAdded'))
  }

  return (
    <div class="region-editor">
      {rules.length === 0 ? (
        <div class="empty-state">
          <p>{t('regions.empty')}</p>
          {!readOnly && (
            <button type="button" class="primary" onClick={addRecommended}>
              {t('regions.startRecommended')}
            </button>
          )}
        </div>
      ) : (
        <section aria-labelledby="region-rules-title">
          <h2 id="region-rules-title">{t('regions.rules')}</h2>
          {errors.regions && <p class="field-error">{errorText(errors.regions)}</p>}
          <ol class="cards">
            {rules.map((rule, index) => {
              const ruleErrors = errorsUnder(errors, `regions.${index}`)
              const label = rule.key || String(index + 1)
              return (
                <li
                  key={index}
                  class={Object.keys(ruleErrors).length > 0 ? 'card has-error' : 'card'}
                  data-rule={rule.key}
                >
                  <FieldGroup legend={t('regions.rule', { key: label })} error={ruleErrors['']}>
                    <RegionRuleFields
                      config={config}
                      rule={rule}
                      errors={ruleErrors}
                      readOnly={readOnly}
                      onRule={(next) => setRules(rules.map((item, i) => (i === index ? next : item)))}
                    />
                    {!readOnly && (
                      <div class="actions">
                        <button
                          type="button"
                          disabled={index === 0}
                          onClick={() => setRules(move(rules, index, -1))}
                        >
                          {t('regions.moveUp', { key: label })}
                        </button>
                        <button
                          type="button"
                          disabled={index === rules.length - 1}
                          onClick={() => setRules(move(rules, index, 1))}
                        >
                          {t('regions.moveDown', { key: label })}
                        </button>
                        <button
                          type="button"
                          class="danger"
                          onClick={() => setRules(rules.filter((_, i) => i !== index))}
                        >
                          {t('regions.remove', { key: label })}
                        </button>
                      </div>
                    )}
                  </FieldGroup>
                </li>
              )
            })}
          </ol>
        </section>
      )}
      {!readOnly && (
        <button type="button" onClick={() => setRules([...rules, newRegionRule(config)])}>
          {t('regions.add')}
        </button>
      )}
      <p role="status" class="status-message">
        {message}
      </p>
      {!readOnly && (
        <section aria-labelledby="region-presets-title">
          <h2 id="region-presets-title">{t('regions.presets')}</h2>
          <p>{t('regions.presetsIntro')}</p>
          <RegionPresets config={config} onAdd={addPreset} />
        </section>
      )}
    </div>
  )
}
