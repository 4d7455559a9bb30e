import { CONSENT_TYPES, type Purpose, type SiteConfig } from '@torii/schema'
import type { FieldErrors } from '../../api/index.ts'
import { errorText } from '../../i18n/error-text.ts'
import { t } from '../../i18n/index.ts'
import { move, newPurpose, renamePurposeKey, vendorsUsing } from '../../lib/draft-ops.ts'
import { errorsUnder } from '../../lib/field-errors.ts'
import { CheckboxField, FieldGroup, TextField } from '../field/index.tsx'
import { LocalizedFields } from '../localized-fields/index.tsx'

export interface PurposeEditorProps {
  config: SiteConfig
  /** Errors of the whole config, dotted (`purposes.1.name.ja`). */
  errors: FieldErrors
  onChange: (config: SiteConfig) => void
  readOnly?: boolean
}

/** Edits the purposes: key, names and descriptions per language, required, GPC, Consent Mode types. */
export function PurposeEditor({ config, errors, onChange, readOnly }: PurposeEditorProps) {
  function update(index: number, purpose: Purpose) {
    const previous = config.purposes[index]!
    const unique = config.purposes.filter((item) => item.key === previous.key).length === 1
    // Keep vendors pointing at the purpose when its (unique) key is renamed.
    const base =
      previous.key !== purpose.key && unique ? renamePurposeKey(config, previous.key, purpose.key) : config
    onChange({ ...base, purposes: config.purposes.map((item, i) => (i === index ? purpose : item)) })
  }
  return (
    <div class="purpose-editor">
      {errors.purposes && <p class="field-error">{errorText(errors.purposes)}</p>}
      <ol class="cards">
        {config.purposes.map((purpose, index) => {
          const fieldErrors = errorsUnder(errors, `purposes.${index}`)
          const usedBy = vendorsUsing(config, purpose.key)
          const label = purpose.key || String(index + 1)
          return (
            <li key={index} class="card">
              <FieldGroup legend={`${t('purposes.title')}: ${label}`}>
                <TextField
                  label={t('purposes.key')}
                  value={purpose.key}
                  error={fieldErrors.key}
                  disabled={readOnly}
                  spellcheck={false}
                  onValue={(key) => update(index, { ...purpose, key: key.trim() })}
                />
                <LocalizedFields
                  label={(language) => t('purposes.name', { language })}
                  languages={config.languages}
                  value={purpose.name}
                  errors={errorsUnder(fieldErrors, 'name')}
                  disabled={readOnly}
                  onValue={(name) => update(index, { ...purpose, name })}
                />
                <LocalizedFields
                  label={(language) => t('purposes.description', { language })}
                  languages={config.languages}
                  value={purpose.description}
                  errors={errorsUnder(fieldErrors, 'description')}
                  multiline
                  disabled={readOnly}
                  onValue={(description) => update(index, { ...purpose, description })}
                />
                <CheckboxField
                  label={t('purposes.required')}
                  checked={purpose.required}
                  disabled={readOnly}
                  onChecked={(required) => update(index, { ...purpose, required })}
                />
                <CheckboxField
                  label={t('purposes.gpc')}
                  checked={purpose.gpcDenies}
                  disabled={readOnly}
                  onChecked={(gpcDenies) => update(index, { ...purpose, gpcDenies })}
                />
                <FieldGroup
                  legend={t('purposes.consentTypes')}
                  class="group inline"
                  error={fieldErrors.consentTypes}
                >
                  {CONSENT_TYPES.map((type) => (
                    <CheckboxField
                      key={type}
                      label={type}
                      checked={purpose.consentTypes.includes(type)}
                      disabled={readOnly}
                      onChecked={(checked) =>
                        update(index, {
                          ...purpose,
                          consentTypes: checked
                            ? CONSENT_TYPES.filter(
                                (item) => item === type || purpose.consentTypes.includes(item)
                              )
                            : purpose.consentTypes.filter((item) => item !== type),
                        })
                      }
                    />
                  ))}
                </FieldGroup>
                {!readOnly && (
                  <div class="actions">
                    <button
                      type="button"
                      disabled={index === 0}
                      onClick={() => onChange({ ...config, purposes: move(config.purposes, index, -1) })}
                    >
                      {t('purposes.moveUp', { key: label })}
                    </button>
                    <button
                      type="button"
                      disabled={index === config.purposes.length - 1}
                      onClick={() => onChange({ ...config, purposes: move(config.purposes, index, 1) })}
                    >
                      {t('purposes.moveDown', { key: label })}
                    </button>
                    <button
                      type="button"
                      class="danger"
                      disabled={usedBy > 0}
                      aria-describedby={usedBy > 0 ? `purpose-used-${index}` : undefined}
                      onClick={() =>
                        onChange({ ...config, purposes: config.purposes.filter((_, i) => i !== index) })
                      }
                    >
                      {t('purposes.remove', { key: label })}
                    </button>
                    {usedBy > 0 && (
                      <p class="hint" id={`purpose-used-${index}`}>
                        {t('purposes.usedBy', { count: usedBy })}
                      </p>
                    )}
                  </div>
                )}
              </FieldGroup>
            </li>
          )
        })}
      </ol>
      {!readOnly && (
        <button
          type="button"
          onClick={() => onChange({ ...config, purposes: [...config.purposes, newPurpose(config)] })}
        >
          {t('purposes.add')}
        </button>
      )}
    </div>
  )
}
