import { useSignal } from '@preact/signals'
import type { Site } from '@torii/schema/admin-api'
import { useEffect } from 'preact/hooks'
import { CopyButton } from '../components/copy-button/index.tsx'
import { SelectField } from '../components/field/index.tsx'
import { LocalizedFields } from '../components/localized-fields/index.tsx'
import { OptionsForm } from '../components/options-form/index.tsx'
import { SiteFields, useSiteForm } from '../components/site-fields/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { t } from '../i18n/index.ts'
import { emptyLocalized } from '../lib/draft-ops.ts'
import { errorsUnder } from '../lib/field-errors.ts'
import type { SiteFormText } from '../lib/site-input.ts'
import { siteModel } from '../models/site.ts'

/** The form's text for a stored site (no id: it cannot change). */
function siteText(site: Site): SiteFormText {
  return { name: site.name, origins: site.origins.join('\n'), languages: site.languages.join(', ') }
}

function SiteSettingsForm() {
  const site = siteModel.detail.value!.site
  const form = useSiteForm(siteText(site))
  const message = useSignal('')
  // Site settings (name, origins) are the owner's; the draft's fields below, an editor's.
  const readOnly = !siteModel.isOwner.value
  useEffect(() => {
    form.setText(siteText(site))
  }, [site.id])

  async function submit(event: Event) {
    event.preventDefault()
    message.value = ''
    const input = form.check()
    if (!input) return
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
      form.refused(cause)
      message.value = (cause as Error).message
    }
  }

  return (
    <form onSubmit={submit} noValidate class="card">
      <SiteFields form={form} disabled={readOnly} />
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
  const readOnly = !siteModel.canEdit.value
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
      readOnly={!siteModel.canEdit.value}
      onChange={(options) => siteModel.edit((config) => ({ ...config, options }))}
    />
  )
}

/** Name, origins, languages, the site's options (saved in the draft), and the install snippet. */
export default function SettingsPage({ siteId }: { siteId: string }) {
  return (
    <SiteFrame siteId={siteId} section="settings" editsDraft>
      <SiteSettingsForm />
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
