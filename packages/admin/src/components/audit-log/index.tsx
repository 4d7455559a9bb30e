import { useSignal } from '@preact/signals'
import type { AuditEntry } from '@torii/schema/admin-api'
import { useEffect } from 'preact/hooks'
import { api } from '../../api/index.ts'
import { formatTime, t } from '../../i18n/index.ts'
import { DataTable } from '../data-table/index.tsx'
import { PageState } from '../page-state/index.tsx'

/** The audit log, newest first, a page at a time: one site's (`siteId`) or every site's (null, admins). */
export function AuditLog({ siteId }: { siteId: string | null }) {
  const entries = useSignal<AuditEntry[] | null>(null)
  const cursor = useSignal<string | null>(null)
  const error = useSignal<Error | null>(null)

  async function load(more = false) {
    error.value = null
    try {
      const page = await api.audit(siteId, more ? (cursor.value ?? undefined) : undefined)
      entries.value = more ? [...(entries.value ?? []), ...page.entries] : page.entries
      cursor.value = page.nextCursor
    } catch (cause) {
      error.value = cause as Error
    }
  }
  useEffect(() => {
    load()
  }, [siteId])

  if (!entries.value) return <PageState error={error.value} onRetry={() => load()} />
  return (
    <>
      <p>
        <a href={api.auditExportUrl(siteId, 'csv')} download>
          {t('audit.export')}
        </a>{' '}
        ·{' '}
        <a href={api.auditExportUrl(siteId, 'ndjson')} download>
          {t('audit.exportNdjson')}
        </a>
      </p>
      {entries.value.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <DataTable
          label={t('audit.title')}
          caption="hidden"
          columns={[
            { header: t('audit.at'), cell: (entry) => formatTime(entry.at) },
            { header: t('audit.actor'), cell: (entry) => entry.actor },
            { header: t('audit.action'), cell: (entry) => <code>{entry.action}</code> },
            ...(siteId ? [] : [{ header: t('audit.site'), cell: (entry: AuditEntry) => entry.siteId ?? '' }]),
            { header: t('audit.network'), cell: (entry) => entry.network ?? '' },
            {
              header: t('audit.detail'),
              cell: (entry) =>
                entry.detail && <code class="audit-detail">{JSON.stringify(entry.detail)}</code>,
            },
          ]}
          rows={entries.value}
          rowKey={(entry) => entry.id}
          rowAttributes={(entry) => ({ 'data-action': entry.action })}
        />
      )}
      {cursor.value && (
        <button type="button" onClick={() => load(true)}>
          {t('audit.more')}
        </button>
      )}
      {error.value && (
        <p class="notice error" role="alert">
          {t('app.error', { message: error.value.message })}
        </p>
      )}
    </>
  )
}
