import { useSignal } from '@preact/signals'
import type { Revision } from '@torii/schema'
import { renderDisclosureHtml } from '@torii/schema/disclosure'
import { useEffect } from 'preact/hooks'
import { api } from '../api/index.ts'
import { CopyButton } from '../components/copy-button/index.tsx'
import { SelectField } from '../components/field/index.tsx'
import { PageState } from '../components/page-state/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { t } from '../i18n/index.ts'
import { siteModel } from '../models/site.ts'

function Notice({ siteId, revision }: { siteId: string; revision: Revision }) {
  const languages = revision.config.languages
  const language = useSignal(languages.includes('ja') ? 'ja' : revision.config.defaultLanguage)
  const html = renderDisclosureHtml(revision.config, language.value, {
    revision: { number: revision.number, publishedAt: revision.publishedAt },
  })
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
        <p>{t('disclosure.revision', { number: revision.number })}</p>
        <CopyButton text={() => html} label={t('disclosure.copy')} />
        <p>
          {t('disclosure.publicPage')}:{' '}
          <a href={publicUrl} target="_blank" rel="noopener">
            {location.origin}
            {publicUrl}
          </a>
        </p>
      </div>
      {/* Our own renderer escapes every value the admin typed; see renderDisclosureHtml. */}
      <div
        class="card disclosure-preview"
        data-testid="disclosure"
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </>
  )
}

/** The external transmission notice and cookie table generated from the live revision. */
export default function DisclosurePage({ siteId }: { siteId: string }) {
  const revision = useSignal<Revision | null>(null)
  const error = useSignal<Error | null>(null)
  const liveNumber = siteModel.siteId.value === siteId ? siteModel.detail.value?.live?.number : undefined
  async function load(number: number) {
    error.value = null
    try {
      revision.value = (await api.getRevision(siteId, number)).revision
    } catch (cause) {
      error.value = cause as Error
    }
  }
  useEffect(() => {
    if (liveNumber) load(liveNumber)
  }, [siteId, liveNumber])
  const detail = siteModel.siteId.value === siteId ? siteModel.detail.value : null
  return (
    <SiteFrame siteId={siteId} section="disclosure">
      <p>{t('disclosure.intro')}</p>
      <p class="hint">{t('disclosure.scope')}</p>
      {detail && !detail.live ? (
        <p class="notice">{t('disclosure.noLive')}</p>
      ) : revision.value && revision.value.number === liveNumber ? (
        <Notice siteId={siteId} revision={revision.value} />
      ) : (
        <PageState error={error.value} onRetry={() => liveNumber && load(liveNumber)} />
      )}
    </SiteFrame>
  )
}
