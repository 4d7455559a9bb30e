import { useSignal } from '@preact/signals'
import type { Vendor } from '@torii/schema'
import type { ScanDetail, ScanSummary } from '@torii/schema/scan-report'
import { useEffect } from 'preact/hooks'
import { api } from '../api/index.ts'
import { DataTable } from '../components/data-table/index.tsx'
import { TextField } from '../components/field/index.tsx'
import { ScanReportView } from '../components/scan-report/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { formatTime, t } from '../i18n/index.ts'
import { addScannedVendor } from '../lib/scanned-vendor.ts'
import { siteModel } from '../models/site.ts'

/** How often a running scan's progress is asked for. */
const POLL_MS = 1000

function ScanProgressView({ scan }: { scan: ScanSummary }) {
  const { done, total, current } = scan.progress
  return (
    <div class="card scan-progress">
      <progress max={Math.max(total, 1)} value={done} aria-label={t('scan.progress')} />
      <p role="status">
        {t('scan.progressText', { done, total })}
        {current && ` — ${t(`scan.phase.${current.phase}`)}: ${current.url}`}
      </p>
    </div>
  )
}

/** Scans the site in the server's Chromium, shows progress, the history, and the findings. */
export default function ScanPage({ siteId }: { siteId: string }) {
  const history = useSignal<ScanSummary[]>([])
  const unavailable = useSignal<string | null>(null)
  const shown = useSignal<ScanDetail | null>(null)
  const url = useSignal('')
  const pages = useSignal('10')
  const error = useSignal('')
  const message = useSignal('')
  const busy = useSignal(false)
  const detail = siteModel.detail.value
  const draft = siteModel.draft.value
  const canWrite = siteModel.canEdit.value

  async function loadHistory() {
    const answer = await api.listScans(siteId)
    history.value = answer.scans
    unavailable.value = answer.unavailable
  }
  async function show(id: string) {
    shown.value = (await api.getScan(siteId, id)).scan
  }
  useEffect(() => {
    loadHistory().catch((cause: Error) => (error.value = cause.message))
  }, [siteId])
  useEffect(() => {
    if (!url.value && detail?.site.origins[0]) url.value = `${detail.site.origins[0]}/`
  }, [detail])
  // While the scan shown runs, its progress is polled; once it ends, the history catches up.
  useEffect(() => {
    const scan = shown.value
    if (scan?.status !== 'running') return
    const timer = setTimeout(async () => {
      await show(scan.id).catch(() => {})
      if (shown.value?.status !== 'running') await loadHistory().catch(() => {})
    }, POLL_MS)
    return () => clearTimeout(timer)
  }, [shown.value])

  async function start(event: Event) {
    event.preventDefault()
    error.value = ''
    try {
      const { scan } = await api.startScan(siteId, { url: url.value, pages: Number(pages.value) })
      shown.value = scan
      await loadHistory()
    } catch (cause) {
      error.value = (cause as Error).message
    }
  }

  async function add(vendor: Vendor) {
    busy.value = true
    siteModel.edit((config) => addScannedVendor(config, vendor))
    const result = await siteModel.save()
    busy.value = false
    message.value =
      result === 'saved' ? t('scan.added', { name: vendor.name }) : t('scan.notAdded', { name: vendor.name })
  }

  const running = history.value.some((scan) => scan.status === 'running')
  return (
    <SiteFrame siteId={siteId} section="scan">
      <p>{t('scan.intro')}</p>
      {unavailable.value && (
        <p class="notice error" role="alert">
          {t('scan.unavailable', { reason: unavailable.value })}
        </p>
      )}
      {canWrite && !unavailable.value && (
        <form class="card tools" onSubmit={start}>
          <TextField
            label={t('scan.url')}
            type="url"
            required
            value={url.value}
            onValue={(v) => (url.value = v)}
          />
          <TextField
            label={t('scan.pages')}
            inputMode="numeric"
            required
            value={pages.value}
            onValue={(v) => (pages.value = v)}
          />
          <button type="submit" disabled={running}>
            {t('scan.start')}
          </button>
        </form>
      )}
      {error.value && (
        <p class="notice error" role="alert">
          {error.value}
        </p>
      )}
      {shown.value?.status === 'running' && <ScanProgressView scan={shown.value} />}
      <p role="status" class="status-message">
        {message.value}
      </p>
      {shown.value?.status === 'failed' && (
        <p class="notice error" role="alert">
          {t('scan.failed', { error: shown.value.error ?? '' })}
        </p>
      )}
      {shown.value?.report && draft && (
        <section aria-labelledby="scan-results" class="card">
          <h2 id="scan-results">{t('scan.results', { time: formatTime(shown.value.startedAt) })}</h2>
          <ScanReportView
            report={shown.value.report}
            config={draft}
            onAdd={canWrite ? add : undefined}
            busy={busy.value}
          />
        </section>
      )}
      <section aria-labelledby="scan-history">
        <h2 id="scan-history">{t('scan.history')}</h2>
        {history.value.length === 0 ? (
          <p>{t('scan.none')}</p>
        ) : (
          <DataTable
            label={t('scan.historyTable')}
            caption="hidden"
            rows={history.value}
            rowKey={(scan) => scan.id}
            columns={[
              { header: t('scan.startedAt'), cell: (scan) => formatTime(scan.startedAt) },
              { header: t('scan.url'), cell: (scan) => scan.url },
              { header: t('scan.status'), cell: (scan) => t(`scan.status.${scan.status}`) },
              {
                header: t('scan.findings'),
                cell: (scan) =>
                  scan.counts
                    ? t('scan.counts', scan.counts)
                    : `${scan.progress.done}/${scan.progress.total}`,
              },
              {
                cell: (scan) => (
                  <button type="button" onClick={() => show(scan.id)}>
                    {t('scan.show', { time: formatTime(scan.startedAt) })}
                  </button>
                ),
              },
            ]}
          />
        )}
      </section>
    </SiteFrame>
  )
}
