import { useId, useState } from 'preact/hooks'
import type { FieldErrors } from '../../api/index.ts'
import { errorText } from '../../i18n/error-text.ts'
import { t, uiLanguage } from '../../i18n/index.ts'
import { parseRegionCodes, regionCodeName } from '../../lib/region-names.ts'

export interface RegionCodesFieldProps {
  label: string
  codes: string[]
  /** Errors of the list: `''` for the list itself, `'0'`, `'1'`, … for each code. */
  errors: FieldErrors
  disabled?: boolean
  onCodes: (codes: string[]) => void
}

const sameCodes = (a: string[], b: string[]) => a.length === b.length && a.every((code, i) => code === b[i])

/**
 * A text field for a rule's match codes (`EEA, UK, CH`), with each code listed beside what it stands for
 * (country names in the admin's language) and its own error.
 */
export function RegionCodesField({ label, codes, errors, disabled, onCodes }: RegionCodesFieldProps) {
  const id = useId()
  // The text as typed (a trailing comma, lower case) while it still says the same codes; else the codes.
  const [typed, setTyped] = useState(codes.join(', '))
  const text = sameCodes(parseRegionCodes(typed), codes) ? typed : codes.join(', ')
  const invalid = Object.keys(errors).length > 0
  return (
    <div class={invalid ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={text}
        disabled={disabled}
        spellcheck={false}
        autoComplete="off"
        aria-invalid={invalid ? true : undefined}
        aria-describedby={`${id}-hint${errors[''] ? ` ${id}-error` : ''}${codes.length ? ` ${id}-codes` : ''}`}
        onInput={(event) => {
          setTyped(event.currentTarget.value)
          const next = parseRegionCodes(event.currentTarget.value)
          if (!sameCodes(next, codes)) onCodes(next)
        }}
      />
      <p class="hint" id={`${id}-hint`}>
        {t('regions.matchHint')}
      </p>
      {errors[''] && (
        <p class="field-error" id={`${id}-error`}>
          {errorText(errors[''])}
        </p>
      )}
      {codes.length > 0 && (
        <ul class="region-codes" id={`${id}-codes`} aria-label={t('regions.codeNames')}>
          {codes.map((code, index) => {
            const error = errors[String(index)]
            return (
              <li key={`${index}-${code}`} class={error ? 'has-error' : undefined} data-code={code}>
                <code>{code}</code> {regionCodeName(code, uiLanguage.value) ?? t('regions.code.unknown')}
                {error && <p class="field-error">{errorText(error)}</p>}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
