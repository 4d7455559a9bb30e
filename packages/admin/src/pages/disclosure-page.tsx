import { useSignal } from '@preact/signals'
import { useEffect } from 'preact/hooks'
import { api } from '../api/index.ts'
import { CopyButton } from '../components/copy-button/index.tsx'
import { SelectField } from '../components/field/index.tsx'
import { PageState } from '../components/page-state/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { t } from '../i18n/index.ts'
import { siteModel } from '../models/site.ts'

interface Disclosure {
  revision: number
  html: string
  language: string
}

function Notice({ siteId, languages }: { siteId: string; languages: string[] }) {
  const language = useSignal(languages.includes('ja') ? 'ja' : (languages[0] ?? 'en'))
  const disclosure = useSignal<Disclosure | null>(null)
  const error = useSignal<Error | null>(null)
  const liveNumber = siteModel.detail.value?.live?.number
  async function load() {
    error.value = null
    const lang = language.value
    try {
      const { revision, html } = await api.disclosure(siteId, lang)
      if (language.value === lang) disclosure.value = { revision, html, language: lang }
    } catch (cause) {
      error.value = cause as Error
    }
  }
  useEffect(() => {
    load()
  }, [siteId, language.value, liveNumber])
  const current = disclosure.value?.language === language.value ? disclosure.value : null
  const publicUrl = `/s/${encodeURIComponent(siteId)}/disclosure?lang=${encodeURIComponent(language.value)}`
  return (
    <>
      <div class="card tools">
        <SelectField
          label={t('disclosure.language')}
          value={language.value}
          options={languages.map((code) => ({ value: code, label: code }))}
          onValue={(value) => (language.value = value)}
        />
        {current && <p>{t('disclosure.revision', { number: current.revision })}</p>}
        {current && <CopyButton text={() => current.html} label={t('disclosure.copy')} />}
        <p>
          {t('disclosure.publicPage')}:{' '}
          <a href={publicUrl} target="_blank" rel="noopener">
            {location.origin}
            {publicUrl}
          </a>
        </p>
      </div>
      {current ? (
        // The server renders it with @torii/schema's renderDisclosureHtml, which escapes every value typed in.
        <div
          class="card disclosure-preview"
          data-testid="disclosure"
          lang={current.language}
          dangerouslySetInnerHTML={{ __html: current.html }}
        />
      ) : (
        <PageState error={error.value} onRetry={load} />
      )}
    </>
  )
}

/** The external transmission notice and cookie table of the live revision, as the public page shows it. */
export default function DisclosurePage({ siteId }: { siteId: string }) {
  const detail = siteModel.siteId.value === siteId ? siteModel.detail.value : null
  return (
    <SiteFrame siteId={siteId} section="disclosure">
      <p>{t('disclosure.intro')}</p>
      <p class="hint">{t('disclosure.scope')}</p>
      {detail && !detail.live ? (
        <p class="notice">{t('disclosure.noLive')}</p>
      ) : (
        detail && <Notice siteId={siteId} languages={detail.site.languages} />
      )}
    </SiteFrame>
  )
}
