import { useSignal } from '@preact/signals'
import type { SiteInput } from '@torii/schema/admin-api'
import { ApiRequestError, type FieldErrors } from '../../api/index.ts'
import { t } from '../../i18n/index.ts'
import { listError, type SiteFormText, toSiteInput, validateSiteInput } from '../../lib/site-input.ts'
import { TextField } from '../field/index.tsx'

/** The state of a site form: the text typed, the errors shown, and how to check and refuse it. */
export interface SiteForm {
  text: SiteFormText
  errors: FieldErrors
  /** The lists as last submitted, so an error can name the line it is about. */
  sent: Pick<SiteInput, 'origins' | 'languages'>
  setText: (text: SiteFormText) => void
  /** The input to send, or null when the form now shows what is wrong with it. */
  check: () => SiteInput | null
  /** Shows the field errors of a refusal from the server at their fields. */
  refused: (cause: unknown) => void
}

/** A site form's state, starting from `initial`. */
export function useSiteForm(initial: SiteFormText): SiteForm {
  const text = useSignal(initial)
  const errors = useSignal<FieldErrors>({})
  const sent = useSignal<SiteForm['sent']>({ origins: [], languages: [] })
  return {
    text: text.value,
    errors: errors.value,
    sent: sent.value,
    setText: (value) => (text.value = value),
    check() {
      const input = toSiteInput(text.value)
      sent.value = input
      errors.value = validateSiteInput(input)
      return Object.keys(errors.value).length > 0 ? null : input
    },
    refused(cause) {
      if (cause instanceof ApiRequestError) errors.value = cause.fields
    },
  }
}

/**
 * A site's name, id (where `form.text` has one: only a new site gets to choose it), allowed origins,
 * languages and time zone: the fields of both the create-site form and the site settings.
 */
export function SiteFields({ form, disabled }: { form: SiteForm; disabled?: boolean }) {
  const { text, errors, sent } = form
  const set = (patch: Partial<SiteFormText>) => form.setText({ ...text, ...patch })
  return (
    <>
      <TextField
        label={t('sites.name')}
        value={text.name}
        error={errors.name}
        required
        disabled={disabled}
        onValue={(name) => set({ name })}
      />
      {text.id !== undefined && (
        <TextField
          label={t('sites.id')}
          hint={t('sites.idHint')}
          value={text.id}
          error={errors.id}
          spellcheck={false}
          disabled={disabled}
          onValue={(id) => set({ id })}
        />
      )}
      <TextField
        label={t('sites.origins')}
        hint={t('sites.originsHint')}
        value={text.origins}
        multiline
        spellcheck={false}
        disabled={disabled}
        error={listError(errors, 'origins', sent.origins)}
        onValue={(origins) => set({ origins })}
      />
      <TextField
        label={t('sites.languages')}
        hint={t('sites.languagesHint')}
        value={text.languages}
        disabled={disabled}
        error={listError(errors, 'languages', sent.languages)}
        onValue={(languages) => set({ languages })}
      />
      <TextField
        label={t('sites.timeZone')}
        hint={t('sites.timeZoneHint')}
        value={text.timeZone}
        error={errors.timeZone}
        spellcheck={false}
        disabled={disabled}
        onValue={(timeZone) => set({ timeZone })}
      />
    </>
  )
}
