import { useSignal } from '@preact/signals'
import { RECEIPT_ACTIONS } from '@torii/schema'
import { useEffect } from 'preact/hooks'
import { api } from '../api/index.ts'
import { ConfirmDialog } from '../components/confirm-dialog/index.tsx'
import { DataTable } from '../components/data-table/index.tsx'
import { SelectField, TextField } from '../components/field/index.tsx'
import { PageState } from '../components/page-state/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { formatTime, t } from '../i18n/index.ts'
import { localText } from '../lib/local-text.ts'
import { sitePath } from '../lib/paths.ts'
import { EMPTY_FILTERS, type ReceiptFilters, toReceiptQuery } from '../lib/receipt-filters.ts'
import { receiptsModel } from '../models/receipts.ts'
import { siteModel } from '../models/site.ts'

function Filters({ siteId }: { siteId: string }) {
  const { filters } = receiptsModel
  const purposes = siteModel.draft.value?.purposes ?? []
  const set = (patch: Partial<ReceiptFilters>) => (filters.value = { ...filters.value, ...patch })
  const { from, to } = filters.value
  // Said at the field, before asking the server (whose answer would name an instant, not the day typed).
  const rangeError = from && to && to < from ? t('receipts.toBeforeFrom') : undefined
  // The export is what the table shows: the last search, not filters typed since.
  const shown = receiptsModel.query.value
  return (
    <form
      class="card filters"
      aria-label={t('receipts.filters')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (!rangeError) receiptsModel.search(siteId, toReceiptQuery(filters.value))
      }}
    >
      <TextField
        label={t('receipts.from')}
        type="date"
        value={filters.value.from}
        onValue={(from) => set({ from })}
      />
      <TextField
        label={t('receipts.to')}
        type="date"
        value={filters.value.to}
        error={rangeError}
        onValue={(to) => set({ to })}
      />
      <SelectField
        label={t('receipts.action')}
        value={filters.value.action}
        options={[
          { value: '', label: t('receipts.anyAction') },
          ...RECEIPT_ACTIONS.map((action) => ({ value: action, label: t(`action.${action}`) })),
        ]}
        onValue={(action) => set({ action })}
      />
      <SelectField
        label={t('receipts.purpose')}
        value={filters.value.purpose}
        options={[
          { value: '', label: t('receipts.anyPurpose') },
          ...purposes.flatMap((purpose) => {
            const name = localText(purpose.name, siteModel.draft.value!.defaultLanguage, purpose.key)
            return [
              { value: purpose.key, label: t('receipts.granted', { purpose: name }) },
              { value: `!${purpose.key}`, label: t('receipts.denied', { purpose: name }) },
            ]
          }),
        ]}
        onValue={(purpose) => set({ purpose })}
      />
      <TextField
        label={t('receipts.consentId')}
        value={filters.value.consentId}
        spellcheck={false}
        onValue={(consentId) => set({ consentId })}
      />
      <div class="actions">
        <button type="submit" class="primary">
          {t('receipts.search')}
        </button>
        <button
          type="button"
          onClick={() => {
            filters.value = EMPTY_FILTERS
            receiptsModel.search(siteId, {})
          }}
        >
          {t('receipts.reset')}
        </button>
      </div>
      <p class="exports">
        <span>{t('receipts.export')}:</span>{' '}
        <a href={api.exportUrl(siteId, 'csv', shown)} download>
          {t('receipts.exportCsv')}
        </a>{' '}
        <a href={api.exportUrl(siteId, 'ndjson', shown)} download>
          {t('receipts.exportNdjson')}
        </a>
      </p>
    </form>
  )
}

function ReceiptTable({ siteId }: { siteId: string }) {
  const { page, pageNumber, loading, error } = receiptsModel
  if (!page.value) return <PageState error={error.value} onRetry={() => receiptsModel.reload()} />
  const receipts = page.value.receipts
  return (
    <section aria-busy={loading.value}>
      <h2 id="receipts-results" class="visually-hidden">
        {t('receipts.title')}
      </h2>
      {error.value && <PageState error={error.value} onRetry={() => receiptsModel.reload()} />}
      {/* After a failed search the rows of the one before would pass for its results: none shown. */}
      {error.value ? null : receipts.length === 0 ? (
        <p>{t('receipts.none')}</p>
      ) : (
        <DataTable
          label={t('receipts.title')}
          class="receipts"
          columns={[
            {
              header: t('receipts.issuedAt'),
              cell: (receipt) => (
                <a href={`${sitePath(siteId, 'receipts')}/${encodeURIComponent(receipt.id)}`}>
                  {formatTime(receipt.issuedAt)}
                </a>
              ),
            },
            {
              header: t('receipts.action'),
              cell: (receipt) => (
                <>
                  {t(`action.${receipt.action}`)}
                  {receipt.gpc && <span class="badge">{t('receipts.gpc')}</span>}
                  {receipt.erased && <span class="badge">{t('receipts.erased')}</span>}
                </>
              ),
            },
            {
              header: t('receipts.choices'),
              cell: (receipt) =>
                Object.entries(receipt.purposes)
                  .map(([key, granted]) => `${key} ${granted ? '✓' : '✗'}`)
                  .join(', '),
            },
            { header: t('receipts.revision'), cell: (receipt) => receipt.revision },
            { header: t('receipts.consentId'), cell: (receipt) => <code>{receipt.consentId}</code> },
          ]}
          rows={receipts}
          rowKey={(receipt) => receipt.id}
          rowAttributes={(receipt) => ({ 'data-receipt': receipt.id })}
        />
      )}
      <div class="actions pager">
        {pageNumber.value > 1 && (
          <button type="button" onClick={() => receiptsModel.first()}>
            {t('receipts.first')}
          </button>
        )}
        {page.value.nextCursor && (
          <button type="button" onClick={() => receiptsModel.next()}>
            {t('receipts.more')}
          </button>
        )}
      </div>
    </section>
  )
}

function EraseForm({ siteId }: { siteId: string }) {
  const consentId = useSignal('')
  const confirming = useSignal(false)
  const message = useSignal('')
  const error = useSignal<string | undefined>(undefined)
  async function erase() {
    confirming.value = false
    try {
      const { erased } = await api.erase(siteId, consentId.value.trim())
      message.value = t('receipts.erasedCount', { count: erased })
      consentId.value = ''
      receiptsModel.reload()
    } catch (cause) {
      message.value = t('app.error', { message: (cause as Error).message })
    }
  }
  return (
    <section class="card" aria-labelledby="erase-title">
      <h2 id="erase-title">{t('receipts.erase')}</h2>
      <p>{t('receipts.eraseIntro')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          error.value = consentId.value.trim() ? undefined : t('form.required')
          if (!error.value) confirming.value = true
        }}
      >
        <TextField
          label={t('receipts.consentId')}
          value={consentId.value}
          error={error.value}
          spellcheck={false}
          onValue={(value) => (consentId.value = value)}
        />
        <button type="submit" class="danger">
          {t('receipts.eraseSubmit')}
        </button>
      </form>
      <p role="status">{message.value}</p>
      <ConfirmDialog
        open={confirming.value}
        title={t('receipts.erase')}
        confirmLabel={t('receipts.eraseYes')}
        cancelLabel={t('receipts.cancel')}
        onConfirm={erase}
        onCancel={() => (confirming.value = false)}
      >
        <p>{t('receipts.eraseConfirm', { id: consentId.value.trim() })}</p>
      </ConfirmDialog>
    </section>
  )
}

/** Searchable receipts with cursor paging, exports, and erasure by consent id. */
export default function ReceiptsPage({ siteId }: { siteId: string }) {
  useEffect(() => {
    // Always fresh: new receipts arrive while the admin is elsewhere.
    if (receiptsModel.siteId.value !== siteId) receiptsModel.search(siteId, {})
    else receiptsModel.reload()
  }, [siteId])
  return (
    <SiteFrame siteId={siteId} section="receipts">
      <Filters siteId={siteId} />
      <ReceiptTable siteId={siteId} />
      {siteModel.isOwner.value && <EraseForm siteId={siteId} />}
    </SiteFrame>
  )
}
