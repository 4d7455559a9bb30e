import { useSignal } from '@preact/signals'
import type { Site } from '@torii/schema/admin-api'
import type { ReceiptRejection } from '@torii/schema/receipt-rejection'
import { useEffect } from 'preact/hooks'
import { api } from '../api/index.ts'
import { CopyButton } from '../components/copy-button/index.tsx'
import { SelectField } from '../components/field/index.tsx'
import { LocalizedFields } from '../components/localized-fields/index.tsx'
import { OptionsForm } from '../components/options-form/index.tsx'
import { PageState } from '../components/page-state/index.tsx'
import { RejectedOrigins } from '../components/rejected-origins/index.tsx'
import { SiteFields, useSiteForm } from '../components/site-fields/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { t } from '../i18n/index.ts'
import { emptyLocalized } from '../lib/draft-ops.ts'
import { errorsUnder } from '../lib/field-errors.ts'
import type { SiteFormText } from '../lib/site-input.ts'
import { siteModel } from '../models/site.ts'

/** The form's text for a stored site (no id: it cannot change). */
function siteText(site: Site): SiteFormText {
  return {
    name: site.name,
    origins: site.origins.join('\n'),
    languages: site.languages.join(', '),
    timeZone: site.timeZone,
  }
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
  // Origins allowed elsewhere on the page ("allow this origin") show here too, or saving would drop them.
  const savedOrigins = site.origins.join('\n')
  useEffect(() => {
    form.setText({ ...form.text, origins: savedOrigins })
  }, [savedOrigins])

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

/** The receipts the server refused lately, with "allow this origin" (saved to the site's origins at once). */
function RejectedOriginsCard({ siteId }: { siteId: string }) {
  const rejections = useSignal<ReceiptRejection[] | null>(null)
  const error = useSignal<Error | null>(null)
  const message = useSignal('')
  const site = siteModel.detail.value!.site

  async function load() {
    error.value = null
    try {
      rejections.value = (await api.rejections(siteId)).rejections
    } catch (cause) {
      error.value = cause as Error
    }
  }
  useEffect(() => {
    load()
  }, [siteId])

  async function allow(origin: string) {
    message.value = ''
    try {
      // The origins as last saved, not as this render saw them (another origin may have been allowed since).
      const { origins } = siteModel.detail.value!.site
      await siteModel.updateSite({ origins: [...origins, origin] })
      message.value = t('settings.allowedOrigin', { origin })
    } catch (cause) {
      message.value = t('app.error', { message: (cause as Error).message })
    }
  }

  return (
    <section class="card" aria-labelledby="rejections-title">
      <h2 id="rejections-title">{t('settings.rejections')}</h2>
      <p class="hint">{t('settings.rejectionsHint')}</p>
      {rejections.value ? (
        <RejectedOrigins
          rejections={rejections.value}
          allowed={site.origins}
          readOnly={!siteModel.isOwner.value}
          onAllow={allow}
        />
      ) : (
        <PageState error={error.value} onRetry={load} />
      )}
      <p role="status">{message.value}</p>
    </section>
  )
}

/** Name, origins, languages, the site's options (saved in the draft), the install snippet, refused receipts. */
export default function SettingsPage({ siteId }: { siteId: string }) {
  const published = siteModel.detail.value?.live !== null
  return (
    <SiteFrame siteId={siteId} section="settings" editsDraft>
      <SiteSettingsForm />
      <RejectedOriginsCard siteId={siteId} />
      <DraftLanguageFields />
      <DraftOptions />
      <section class="card" aria-labelledby="snippet-title">
        <h2 id="snippet-title">
          {t('settings.snippet')}
          {!published && <span class="badge">{t('settings.notPublished')}</span>}
        </h2>
        {!published && <p class="notice warning">{t('settings.notPublishedHint')}</p>}
        <p>{t('settings.snippetHint')}</p>
        <pre class="snippet">
          <code>{siteModel.detail.value?.snippet}</code>
        </pre>
        <CopyButton text={() => siteModel.detail.value?.snippet ?? ''} />
      </section>
    </SiteFrame>
  )
}
