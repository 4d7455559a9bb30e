import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ApiRequestError, type FieldErrors } from '../api/index.ts'
import { TextField } from '../components/field/index.tsx'
import { PageState } from '../components/page-state/index.tsx'
import { t } from '../i18n/index.ts'
import { sitePath } from '../lib/paths.ts'
import { listError, splitList, splitOrigins, validateSiteInput } from '../lib/site-input.ts'
import { useTitle } from '../lib/use-title.ts'
import { session } from '../models/session.ts'
import { sitesModel } from '../models/sites.ts'

function CreateSiteForm() {
  const { route } = useLocation()
  const id = useSignal('')
  const name = useSignal('')
  const origins = useSignal('')
  const languages = useSignal('ja, en')
  const errors = useSignal<FieldErrors>({})
  /** The lists as last submitted, so an error can name the line it is about. */
  const sent = useSignal<{ origins: string[]; languages: string[] }>({ origins: [], languages: [] })
  const failure = useSignal<string | null>(null)
  const busy = useSignal(false)

  async function submit(event: Event) {
    event.preventDefault()
    const input = {
      ...(id.value.trim() ? { id: id.value.trim() } : {}),
      name: name.value.trim(),
      origins: splitOrigins(origins.value),
      languages: splitList(languages.value),
    }
    sent.value = input
    errors.value = validateSiteInput(input)
    failure.value = null
    if (Object.keys(errors.value).length > 0) return
    busy.value = true
    try {
      const site = await sitesModel.create(input)
      route(sitePath(site.id))
    } catch (cause) {
      if (cause instanceof ApiRequestError) errors.value = cause.fields
      failure.value = (cause as Error).message
    } finally {
      busy.value = false
    }
  }

  return (
    <form onSubmit={submit} noValidate class="card">
      <h2>{t('sites.create')}</h2>
      {failure.value && (
        <p class="notice error" role="alert">
          {failure.value}
        </p>
      )}
      <TextField
        label={t('sites.name')}
        value={name.value}
        error={errors.value.name}
        required
        onValue={(v) => (name.value = v)}
      />
      <TextField
        label={t('sites.id')}
        hint={t('sites.idHint')}
        value={id.value}
        error={errors.value.id}
        spellcheck={false}
        onValue={(v) => (id.value = v)}
      />
      <TextField
        label={t('sites.origins')}
        hint={t('sites.originsHint')}
        value={origins.value}
        multiline
        spellcheck={false}
        error={listError(errors.value, 'origins', sent.value.origins)}
        onValue={(v) => (origins.value = v)}
      />
      <TextField
        label={t('sites.languages')}
        hint={t('sites.languagesHint')}
        value={languages.value}
        error={listError(errors.value, 'languages', sent.value.languages)}
        onValue={(v) => (languages.value = v)}
      />
      <button type="submit" class="primary" disabled={busy.value}>
        {t('sites.create')}
      </button>
    </form>
  )
}

/** Every site, with its live revision, and a form to create one. */
export default function SitesPage() {
  useTitle(t('sites.title'))
  useEffect(() => {
    sitesModel.load()
  }, [])
  const sites = sitesModel.sites.value
  return (
    <div class="narrow">
      <h1>{t('sites.title')}</h1>
      {sites === null ? (
        <PageState error={sitesModel.error.value} onRetry={() => sitesModel.load()} />
      ) : sites.length === 0 ? (
        <p>{t('sites.empty')}</p>
      ) : (
        <ul class="cards site-list">
          {sites.map((site) => (
            <li key={site.id} class="card">
              <h2>
                <a href={sitePath(site.id)}>{site.name}</a>
              </h2>
              <p>
                <code>{site.id}</code> ·{' '}
                {site.liveRevision ? t('sites.live', { number: site.liveRevision }) : t('sites.notLive')}
              </p>
            </li>
          ))}
        </ul>
      )}
      {session.canWrite.value && <CreateSiteForm />}
    </div>
  )
}
