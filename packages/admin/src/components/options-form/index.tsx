import type { SiteOptions } from '@torii/schema'
import type { FieldErrors } from '../../api/index.ts'
import { t } from '../../i18n/index.ts'
import { CheckboxField, SelectField, TextField } from '../field/index.tsx'

export interface OptionsFormProps {
  options: SiteOptions
  /** Errors relative to `options` (`consentDays`, `cookieDomain`, …). */
  errors: FieldErrors
  onChange: (options: SiteOptions) => void
  readOnly?: boolean
}

/**
 * A whole number as typed: kept as the text when it is not one, so the draft's validation names the field
 * ("must be a whole number") instead of the input silently turning it into something else.
 */
function parseWhole(text: string): number {
  const trimmed = text.trim()
  return (/^-?\d+$/.test(trimmed) ? Number(trimmed) : text) as number
}

/** The site's options: how long a choice lasts, the cookie's domain, and how Google Consent Mode behaves. */
export function OptionsForm({ options, errors, onChange, readOnly }: OptionsFormProps) {
  const set = <K extends keyof SiteOptions>(key: K, value: SiteOptions[K]) =>
    onChange({ ...options, [key]: value })
  const whole = (key: 'consentDays' | 'refusalDays' | 'waitForUpdateMs') => ({
    label: t(`options.${key}`),
    hint: t(`options.${key}Hint`),
    value: String(options[key] ?? ''),
    error: errors[key],
    disabled: readOnly,
    inputMode: 'numeric' as const,
    onValue: (text: string) => set(key, parseWhole(text)),
  })
  return (
    <section class="card" aria-labelledby="options-title">
      <h2 id="options-title">{t('options.title')}</h2>
      <p>{t('options.intro')}</p>
      <TextField {...whole('consentDays')} />
      <TextField {...whole('refusalDays')} />
      <TextField
        label={t('options.cookieDomain')}
        hint={t('options.cookieDomainHint')}
        value={options.cookieDomain ?? ''}
        error={errors.cookieDomain}
        disabled={readOnly}
        spellcheck={false}
        onValue={(text) => {
          const { cookieDomain: _, ...rest } = options
          // Empty means no domain: the cookie stays on each host.
          onChange(text.trim() ? { ...rest, cookieDomain: text.trim() } : rest)
        }}
      />
      <SelectField
        label={t('options.consentMode')}
        hint={t('options.consentModeHint')}
        value={options.consentMode}
        error={errors.consentMode}
        disabled={readOnly}
        options={(['basic', 'advanced'] as const).map((mode) => ({
          value: mode,
          label: t(`options.consentMode.${mode}`),
        }))}
        onValue={(mode) => set('consentMode', mode as SiteOptions['consentMode'])}
      />
      <TextField {...whole('waitForUpdateMs')} />
      <CheckboxField
        label={t('options.adsDataRedaction')}
        checked={options.adsDataRedaction}
        error={errors.adsDataRedaction}
        disabled={readOnly}
        onChecked={(checked) => set('adsDataRedaction', checked)}
      />
      <CheckboxField
        label={t('options.urlPassthrough')}
        hint={t('options.urlPassthroughHint')}
        checked={options.urlPassthrough}
        error={errors.urlPassthrough}
        disabled={readOnly}
        onChecked={(checked) => set('urlPassthrough', checked)}
      />
    </section>
  )
}
