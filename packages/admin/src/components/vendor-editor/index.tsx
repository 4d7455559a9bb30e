import type { Purpose, Vendor, VendorCookie } from '@torii/schema'
import type { FieldErrors } from '../../api/index.ts'
import { t } from '../../i18n/index.ts'
import { emptyLocalized } from '../../lib/draft-ops.ts'
import { errorsUnder } from '../../lib/field-errors.ts'
import { isTagManager } from '../../lib/gtm-mode.ts'
import { localText } from '../../lib/local-text.ts'
import { CheckboxField, FieldGroup, TextField } from '../field/index.tsx'
import { GtmModeField } from '../gtm-mode/index.tsx'
import { HostsField } from '../hosts-field/index.tsx'
import { LocalizedFields } from '../localized-fields/index.tsx'

export interface VendorEditorProps {
  vendor: Vendor
  languages: string[]
  purposes: Purpose[]
  /** Errors relative to this vendor (`hosts.0`, `recipient.ja`). */
  errors: FieldErrors
  onChange: (vendor: Vendor) => void
  readOnly?: boolean
}

/** Edits one vendor: identity, purposes, hosts, cookies, policy links and the disclosure texts. */
export function VendorEditor({ vendor, languages, purposes, errors, onChange, readOnly }: VendorEditorProps) {
  const set = <K extends keyof Vendor>(key: K, value: Vendor[K]) => onChange({ ...vendor, [key]: value })
  const setCookie = (index: number, cookie: VendorCookie) =>
    set(
      'cookies',
      vendor.cookies.map((item, i) => (i === index ? cookie : item))
    )
  const hostError = Object.entries(errorsUnder(errors, 'hosts'))
    .map(([index, message]) => (index ? `${vendor.hosts[Number(index)] ?? index}: ${message}` : message))
    .join(' ')
  return (
    <div class="vendor-editor">
      <TextField
        label={t('vendors.name')}
        value={vendor.name}
        error={errors.name}
        disabled={readOnly}
        onValue={(name) => set('name', name)}
      />
      <TextField
        label={t('vendors.key')}
        value={vendor.key}
        error={errors.key}
        disabled={readOnly}
        spellcheck={false}
        onValue={(key) => set('key', key.trim())}
      />
      {isTagManager(vendor) && (
        <GtmModeField
          sitePurposes={purposes}
          language={languages[0] ?? ''}
          purposes={vendor.purposes}
          disabled={readOnly}
          onPurposes={(keys) => set('purposes', keys)}
        />
      )}
      <FieldGroup legend={t('vendors.purposes')} class="group inline" error={errors.purposes}>
        {purposes.map((purpose) => (
          <CheckboxField
            key={purpose.key}
            label={localText(purpose.name, languages[0] ?? '', purpose.key)}
            checked={vendor.purposes.includes(purpose.key)}
            disabled={readOnly}
            error={errors[`purposes.${vendor.purposes.indexOf(purpose.key)}`]}
            onChecked={(checked) =>
              set(
                'purposes',
                checked
                  ? [...vendor.purposes, purpose.key]
                  : vendor.purposes.filter((key) => key !== purpose.key)
              )
            }
          />
        ))}
      </FieldGroup>
      <HostsField
        label={t('vendors.hosts')}
        hint={t('vendors.hostsHint')}
        value={vendor.hosts}
        error={hostError || errors.hosts}
        disabled={readOnly}
        onValue={(hosts) => set('hosts', hosts)}
      />
      <TextField
        label={t('vendors.privacyPolicyUrl')}
        type="url"
        value={vendor.privacyPolicyUrl}
        error={errors.privacyPolicyUrl}
        disabled={readOnly}
        onValue={(url) => set('privacyPolicyUrl', url.trim())}
      />
      <TextField
        label={t('vendors.optOutUrl')}
        type="url"
        value={vendor.optOutUrl ?? ''}
        error={errors.optOutUrl}
        disabled={readOnly}
        onValue={(url) => set('optOutUrl', url.trim() || undefined)}
      />
      <FieldGroup legend={t('vendors.cookies')} error={errors.cookies}>
        <ol class="cookie-list">
          {vendor.cookies.map((cookie, index) => {
            const cookieErrors = errorsUnder(errors, `cookies.${index}`)
            const label = cookie.name || String(index + 1)
            return (
              <li key={index}>
                <TextField
                  label={t('vendors.cookieName')}
                  value={cookie.name}
                  error={cookieErrors.name}
                  disabled={readOnly}
                  spellcheck={false}
                  onValue={(name) => setCookie(index, { ...cookie, name: name.trim() })}
                />
                <LocalizedFields
                  label={(language) => t('vendors.cookieRetention', { language })}
                  languages={languages}
                  value={cookie.retention}
                  errors={errorsUnder(cookieErrors, 'retention')}
                  disabled={readOnly}
                  onValue={(retention) => setCookie(index, { ...cookie, retention })}
                />
                <LocalizedFields
                  label={(language) => t('vendors.cookieDescription', { language })}
                  languages={languages}
                  value={cookie.description}
                  disabled={readOnly}
                  onValue={(description) => setCookie(index, { ...cookie, description })}
                />
                {!readOnly && (
                  <button
                    type="button"
                    class="danger"
                    onClick={() =>
                      set(
                        'cookies',
                        vendor.cookies.filter((_, i) => i !== index)
                      )
                    }
                  >
                    {t('vendors.removeCookie', { name: label })}
                  </button>
                )}
              </li>
            )
          })}
        </ol>
        {!readOnly && (
          <button
            type="button"
            onClick={() =>
              set('cookies', [
                ...vendor.cookies,
                { name: '', retention: emptyLocalized(languages), description: emptyLocalized(languages) },
              ])
            }
          >
            {t('vendors.addCookie')}
          </button>
        )}
      </FieldGroup>
      <FieldGroup legend={t('vendors.disclosure')}>
        <LocalizedFields
          label={(language) => t('vendors.recipient', { language })}
          languages={languages}
          value={vendor.recipient}
          errors={errorsUnder(errors, 'recipient')}
          disabled={readOnly}
          onValue={(recipient) => set('recipient', recipient)}
        />
        <LocalizedFields
          label={(language) => t('vendors.dataSent', { language })}
          languages={languages}
          value={vendor.dataSent}
          errors={errorsUnder(errors, 'dataSent')}
          multiline
          disabled={readOnly}
          onValue={(dataSent) => set('dataSent', dataSent)}
        />
        <LocalizedFields
          label={(language) => t('vendors.use', { language })}
          languages={languages}
          value={vendor.use}
          errors={errorsUnder(errors, 'use')}
          multiline
          disabled={readOnly}
          onValue={(use) => set('use', use)}
        />
      </FieldGroup>
    </div>
  )
}
