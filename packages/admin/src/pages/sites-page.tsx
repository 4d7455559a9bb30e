import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { PageState } from '../components/page-state/index.tsx'
import { SiteFields, useSiteForm } from '../components/site-fields/index.tsx'
import { t } from '../i18n/index.ts'
import { sitePath } from '../lib/paths.ts'
import { browserTimeZone } from '../lib/time-zone.ts'
import { useTitle } from '../lib/use-title.ts'
import { session } from '../models/session.ts'
import { sitesModel } from '../models/sites.ts'

function CreateSiteForm() {
  const { route } = useLocation()
  const form = useSiteForm({
    name: '',
    id: '',
    origins: '',
    languages: 'ja, en',
    timeZone: browserTimeZone(),
  })
  const failure = useSignal<string | null>(null)
  const busy = useSignal(false)

  async function submit(event: Event) {
    event.preventDefault()
    const input = form.check()
    failure.value = null
    if (!input) return
    busy.value = true
    try {
      const site = await sitesModel.create(input)
      route(sitePath(site.id))
    } catch (cause) {
      form.refused(cause)
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
      <SiteFields form={form} />
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
                {site.liveRevision ? t('sites.live', { number: site.liveRevision }) : t('sites.notLive')} ·{' '}
                {t(`siteRole.${site.role}`)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {session.isAdmin.value && <CreateSiteForm />}
    </div>
  )
}
