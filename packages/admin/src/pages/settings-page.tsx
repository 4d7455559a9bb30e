import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import { ApiRequestError, type FieldErrors } from '../api/index.ts'
import { CopyButton } from '../components/copy-button/index.tsx'
import { SelectField, TextField } from '../components/field/index.tsx'
import { LocalizedFields } from '../components/localized-fields/index.tsx'
import { OptionsForm } from '../components/options-form/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { t } from '../i18n/index.ts'
import { emptyLocalized } from '../lib/draft-ops.ts'
import { errorsUnder } from '../lib/field-errors.ts'
import { listError, splitList, splitOrigins, validateSiteInput } from '../lib/site-input.ts'
import { session } from '../models/session.ts'
import { siteModel } from '../models/site.ts'

function SiteForm() {
  const site = siteModel.detail.value!.site
  const name = useSignal(site.name)
  const origins = useSignal(site.origins.join('\n'))
  const languages = useSignal(site.languages.join(', '))
  const errors = useSignal<FieldErrors>({})
  /** The lists as last submitted, so an error can name the line it is about. */
  const sent = useSignal<{ origins: string[]; languages: string[] }>({ origins: [], languages: [] })
  const message = useSignal('')
  const readOnly = !session.canWrite.value
  useEffect(() => {
    name.value = site.name
    origins.value = site.origins.join('\n')
    languages.value = site.languages.join(', ')
  }, [site.id])

  async function submit(event: Event) {
    event.preventDefault()
    message.value = ''
    const input = {
      name: name.value.trim(),
      origins: splitOrigins(origins.value),
      languages: splitList(languages.value),
    }
    sent.value = input
    errors.value = validateSiteInput(input)
    if (Object.keys(errors.value).length > 0) return
    try {
      await siteModel.updateSite(input)
      // The draft's languages follow the site's; new languages get empty texts to fill in.
      siteModel.edit((config) => ({
        ...config,
        languages: input.languages,
        defaultLanguage: input.languages.includes(config.defaultLanguage)
          ? config.defaultLanguage
          : input.languages[0]!,
      }))
      message.value = t('settings.saved')
    } catch (cause) {
      if (cause instanceof ApiRequestError) errors.value = cause.fields
      message.value = (cause as Error).message
    }
  }

  return (
    <form onSubmit={submit} noValidate class="card">
      <TextField
        label={t('sites.name')}
        value={name.value}
        error={errors.value.name}
        disabled={readOnly}
        onValue={(v) => (name.value = v)}
      />
      <TextField
        label={t('sites.origins')}
        hint={t('sites.originsHint')}
        value={origins.value}
        multiline
        spellcheck={false}
        disabled={readOnly}
        error={listError(errors.value, 'origins', sent.value.origins)}
        onValue={(v) => (origins.value = v)}
      />
      <TextField
        label={t('sites.languages')}
        hint={t('sites.languagesHint')}
        value={languages.value}
        disabled={readOnly}
        error={listError(errors.value, 'languages', sent.value.languages)}
        onValue={(v) => (languages.value = v)}
      />
      {!readOnly && (
        <button type="submit" class="primary">
          {t('settings.save')}
        </button>
      )}
      <p role="status">{message.value}</p>
    </form>
  )
}

function DraftLanguageFields() {
  const draft = siteModel.draft.value!
  const errors = siteModel.errors.value
  const readOnly = !session.canWrite.value
  return (
    <div class="card">
      <SelectField
        label={t('settings.defaultLanguage')}
        value={draft.defaultLanguage}
        error={errors.defaultLanguage}
        disabled={readOnly}
        options={draft.languages.map((language) => ({ value: language, label: language }))}
        onValue={(defaultLanguage) => siteModel.edit((config) => ({ ...config, defaultLanguage }))}
      />
      <LocalizedFields
        label={(language) => t('settings.privacyPolicy', { language })}
        languages={draft.languages}
        value={{ ...emptyLocalized(draft.languages), ...draft.privacyPolicyUrl }}
        errors={errorsUnder(errors, 'privacyPolicyUrl')}
        disabled={readOnly}
        onValue={(urls) =>
          siteModel.edit((config) => ({
            ...config,
            privacyPolicyUrl: Object.fromEntries(Object.entries(urls).filter(([, url]) => url.trim())),
          }))
        }
      />
    </div>
  )
}

function DraftOptions() {
  return (
    <OptionsForm
      options={siteModel.draft.value!.options}
      errors={errorsUnder(siteModel.errors.value, 'options')}
      readOnly={!session.canWrite.value}
      onChange={(options) => siteModel.edit((config) => ({ ...config, options }))}
    />
  )
}

/** Name, origins, languages, the site's options (saved in the draft), and the install snippet. */
export default function SettingsPage({ siteId }: { siteId: string }) {
  return (
    <SiteFrame siteId={siteId} section="settings" editsDraft>
      <SiteForm />
      <DraftLanguageFields />
      <DraftOptions />
      <section class="card" aria-labelledby="snippet-title">
        <h2 id="snippet-title">{t('settings.snippet')}</h2>
        <p>{t('settings.snippetHint')}</p>
        <pre class="snippet">
          <code>{siteModel.detail.value?.snippet}</code>
        </pre>
        <CopyButton text={() => siteModel.detail.value?.snippet ?? ''} />
      </section>
    </SiteFrame>
  )
}
