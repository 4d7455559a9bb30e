import { REGION_MODELS, type RegionModel, type RegionRule, type SiteConfig } from '@torii/schema'
import type { FieldErrors } from '../../api/index.ts'
import { t } from '../../i18n/index.ts'
import { errorsUnder } from '../../lib/field-errors.ts'
import { localText } from '../../lib/local-text.ts'
import { CheckboxField, FieldGroup, SelectField, TextField } from '../field/index.tsx'
import { RegionCodesField } from '../region-codes-field/index.tsx'

export interface RegionRuleFieldsProps {
  config: SiteConfig
  rule: RegionRule
  /** Errors of this rule, relative to it (`match.0`, `optInPurposes.1`). */
  errors: FieldErrors
  onRule: (rule: RegionRule) => void
  readOnly?: boolean
}

/** The rule with another model; opt-in purposes only make sense where the model runs purposes by default. */
function withModel(rule: RegionRule, model: RegionModel): RegionRule {
  const { optInPurposes, ...rest } = rule
  return model === 'opt-in' || !optInPurposes ? { ...rest, model } : { ...rest, model, optInPurposes }
}

/** The rule with `key` in or out of its opt-in purposes, in the config's purpose order; none drops the field. */
function withOptIn(rule: RegionRule, config: SiteConfig, key: string, checked: boolean): RegionRule {
  const chosen = new Set(rule.optInPurposes ?? [])
  if (checked) chosen.add(key)
  else chosen.delete(key)
  const { optInPurposes: _previous, ...rest } = rule
  const ordered = config.purposes.map((purpose) => purpose.key).filter((item) => chosen.has(item))
  // Keys that are no longer purposes stay, so their field error shows until the owner removes them.
  const stale = [...chosen].filter((item) => !ordered.includes(item))
  const next = [...ordered, ...stale]
  return next.length > 0 ? { ...rest, optInPurposes: next } : rest
}

/** One rule's fields: key, match codes, model with what it means, opt-in purposes. */
export function RegionRuleFields({ config, rule, errors, onRule, readOnly }: RegionRuleFieldsProps) {
  const name = (key: string) => {
    const purpose = config.purposes.find((item) => item.key === key)
    return purpose ? localText(purpose.name, config.defaultLanguage, key) : key
  }
  const gpcPurposes = config.purposes.filter((purpose) => purpose.gpcDenies && !purpose.required)
  const optional = config.purposes.filter((purpose) => !purpose.required)
  const optInErrors = errorsUnder(errors, 'optInPurposes')
  const stale = (rule.optInPurposes ?? []).filter((key) => !optional.some((item) => item.key === key))
  return (
    <>
      <TextField
        label={t('regions.key')}
        hint={t('regions.keyHint')}
        value={rule.key}
        error={errors.key}
        disabled={readOnly}
        spellcheck={false}
        onValue={(key) => onRule({ ...rule, key: key.trim() })}
      />
      <RegionCodesField
        label={t('regions.match')}
        codes={rule.match}
        errors={errorsUnder(errors, 'match')}
        disabled={readOnly}
        onCodes={(match) => onRule({ ...rule, match })}
      />
      <SelectField
        label={t('regions.model')}
        value={rule.model}
        error={errors.model}
        hint={t(`regions.explain.${rule.model}`)}
        disabled={readOnly}
        options={REGION_MODELS.map((model) => ({ value: model, label: t(`regions.model.${model}`) }))}
        onValue={(model) => onRule(withModel(rule, model as RegionModel))}
      />
      {rule.model === 'opt-out' && (
        <p class="hint">
          {gpcPurposes.length > 0
            ? t('regions.gpcPurposes', { purposes: gpcPurposes.map((p) => name(p.key)).join(', ') })
            : t('regions.gpcNone')}
        </p>
      )}
      {(rule.model !== 'opt-in' || rule.optInPurposes) && (
        <FieldGroup legend={t('regions.optInPurposes')} class="group inline" error={optInErrors['']}>
          <p class="hint">{t('regions.optInPurposesHint')}</p>
          {[...optional.map((purpose) => purpose.key), ...stale].map((key) => {
            const index = (rule.optInPurposes ?? []).indexOf(key)
            return (
              <CheckboxField
                key={key}
                label={name(key)}
                checked={index >= 0}
                error={index >= 0 ? optInErrors[String(index)] : undefined}
                disabled={readOnly}
                onChecked={(checked) => onRule(withOptIn(rule, config, key, checked))}
              />
            )
          })}
        </FieldGroup>
      )}
    </>
  )
}
