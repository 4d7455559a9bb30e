import { useSignal } from '@preact/signals'
import type { RevisionSummary } from '@torii/schema'
import type { ConfigChange } from '@torii/schema/admin-api'
import { useEffect } from 'preact/hooks'
import { api } from '../api/index.ts'
import { ChangeList } from '../components/change-list/index.tsx'
import { ConfirmDialog } from '../components/confirm-dialog/index.tsx'
import { DataTable } from '../components/data-table/index.tsx'
import { TextField } from '../components/field/index.tsx'
import { PageState } from '../components/page-state/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { formatTime, t } from '../i18n/index.ts'
import { publishWarnings } from '../lib/draft-checks.ts'
import { siteModel } from '../models/site.ts'

function PublishPanel({ siteId }: { siteId: string }) {
  const changes = useSignal<ConfigChange[] | null>(null)
  const revisions = useSignal<RevisionSummary[] | null>(null)
  const error = useSignal<Error | null>(null)
  const note = useSignal('')
  const message = useSignal('')
  const busy = useSignal(false)
  const rollbackTo = useSignal<number | null>(null)
  const detail = siteModel.detail.value!
  const live = detail.live
  const canWrite = siteModel.canEdit.value
  const dirty = siteModel.dirty.value

  async function load() {
    error.value = null
    try {
      const [diff, history] = await Promise.all([
        live ? api.diff(siteId, live.number, 'draft') : Promise.resolve({ changes: [] }),
        api.listRevisions(siteId),
      ])
      changes.value = diff.changes
      revisions.value = history.revisions
    } catch (cause) {
      error.value = cause as Error
    }
  }
  useEffect(() => {
    load()
  }, [siteId, live?.number, siteModel.detail.value?.draftUpdatedAt])

  async function publish(event: Event) {
    event.preventDefault()
    busy.value = true
    message.value = ''
    try {
      const { revision } = await api.publish(siteId, note.value.trim() || undefined)
      note.value = ''
      await siteModel.refresh()
      message.value = t('publish.done', { number: revision.number })
    } catch (cause) {
      message.value = t('app.error', { message: (cause as Error).message })
    } finally {
      busy.value = false
    }
  }

  async function rollback() {
    const number = rollbackTo.value
    rollbackTo.value = null
    if (number === null) return
    try {
      const { revision } = await api.rollback(siteId, number)
      // The server made the draft the rolled-back config too: take it, or the pages would keep editing the
      // old one and the next save and publish would undo the rollback. `load()` would unmount this page and
      // with it the message saying what happened.
      await siteModel.reload()
      message.value = t('publish.rolledBack', { number, newNumber: revision.number })
    } catch (cause) {
      message.value = t('app.error', { message: (cause as Error).message })
    }
  }

  /** What a revision offers: a rollback, unless it is live or the same config as the live one. */
  function rollbackCell(revision: RevisionSummary) {
    if (revision.number === live?.number) return null
    // Publishing it again would change nothing: say so instead of offering it.
    if (revision.hash === live?.hash) return <span class="hint">{t('publish.sameAsLive')}</span>
    return (
      <button type="button" onClick={() => (rollbackTo.value = revision.number)}>
        {t('publish.rollback', { number: revision.number })}
      </button>
    )
  }

  if (error.value || !changes.value || !revisions.value)
    return <PageState error={error.value} onRetry={load} />
  const nothingToPublish = live !== null && changes.value.length === 0
  const warnings = nothingToPublish ? [] : publishWarnings(siteModel.draft.value!)
  return (
    <>
      <p role="status" class="status-message">
        {message.value}
      </p>
      <section class="card">
        <h2 id="diff-title">{t('publish.diff')}</h2>
        {!live ? (
          <p>{t('publish.noLive')}</p>
        ) : changes.value.length === 0 ? (
          <p>{t('publish.noChanges')}</p>
        ) : (
          <ChangeList changes={changes.value} caption={t('publish.diff')} />
        )}
        {canWrite && (
          <form onSubmit={publish} noValidate>
            {dirty && <p class="notice warning">{t('publish.saveFirst')}</p>}
            {warnings.length > 0 && (
              <div class="notice warning" role="note" aria-label={t('publish.warnings')}>
                <ul>
                  {warnings.map((warning) => (
                    <li key={`${warning.key} ${warning.params?.language ?? ''}`}>
                      {t(warning.key, warning.params)}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <TextField
              label={t('publish.note')}
              value={note.value}
              onValue={(value) => (note.value = value)}
            />
            <button type="submit" class="primary" disabled={busy.value || dirty || nothingToPublish}>
              {t('publish.submit')}
            </button>
          </form>
        )}
      </section>
      <section class="card">
        <h2 id="history-title">{t('publish.history')}</h2>
        <DataTable
          label={t('publish.history')}
          columns={[
            {
              header: t('publish.revision'),
              cell: (revision) => (
                <>
                  {revision.number}
                  {revision.number === live?.number && <span class="badge">{t('publish.live')}</span>}
                </>
              ),
            },
            { header: t('publish.publishedAt'), cell: (revision) => formatTime(revision.publishedAt) },
            { header: t('publish.publishedBy'), cell: (revision) => revision.publishedBy ?? '—' },
            {
              header: t('publish.hash'),
              cell: (revision) => <code title={revision.hash}>{revision.hash.slice(0, 12)}</code>,
            },
            { header: t('publish.noteColumn'), cell: (revision) => revision.note ?? '', class: 'note' },
            ...(canWrite ? [{ cell: rollbackCell }] : []),
          ]}
          rows={revisions.value}
          rowKey={(revision) => revision.number}
        />
      </section>
      <ConfirmDialog
        open={rollbackTo.value !== null}
        title={t('publish.rollback', { number: rollbackTo.value ?? '' })}
        confirmLabel={t('publish.rollback', { number: rollbackTo.value ?? '' })}
        cancelLabel={t('receipts.cancel')}
        onConfirm={rollback}
        onCancel={() => (rollbackTo.value = null)}
      >
        <p>{t('publish.rollbackConfirm', { number: rollbackTo.value ?? '' })}</p>
        <p>
          {dirty || detail.unpublished
            ? t('publish.rollbackDraftLost', { number: rollbackTo.value ?? '' })
            : t('publish.rollbackDraft', { number: rollbackTo.value ?? '' })}
        </p>
      </ConfirmDialog>
    </>
  )
}

/** Diff against the live revision, publish, and the history with rollback. */
export default function PublishPage({ siteId }: { siteId: string }) {
  return (
    <SiteFrame siteId={siteId} section="publish" editsDraft>
      <PublishPanel siteId={siteId} />
    </SiteFrame>
  )
}
