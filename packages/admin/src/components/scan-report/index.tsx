import type { SiteConfig, Vendor } from '@torii/schema'
import type { ScanReport } from '@torii/schema/scan-report'
import { t } from '../../i18n/index.ts'
import { DataTable } from '../data-table/index.tsx'

export interface ScanReportViewProps {
  report: ScanReport
  config: SiteConfig
  /** Adds an undeclared vendor's catalog entry to the draft; absent for a viewer. */
  onAdd?: (vendor: Vendor) => void
  busy?: boolean
}

const lifetime = (days: number | null) => (days === null ? t('scan.session') : t('scan.days', { days }))

/** A scan's findings: violations, undeclared vendors (each addable to the draft), unseen ones, the cookie table. */
export function ScanReportView({ report, config, onAdd, busy }: ScanReportViewProps) {
  const failed = report.pages.filter((page) => page.error)
  const notes = [
    ...report.notes,
    ...report.pages.flatMap((page) =>
      page.visits.flatMap((visit) =>
        visit.notes.map((note) => `${page.url} (${t(`scan.phase.${visit.phase}`)}): ${note}`)
      )
    ),
  ]
  return (
    <div class="scan-report">
      <p>{t('scan.summary', { pages: report.pages.length, url: report.url })}</p>
      <section aria-labelledby="scan-violations">
        <h3 id="scan-violations">{t('scan.violations', { count: report.violations.length })}</h3>
        {report.violations.length > 0 && (
          <DataTable
            label={t('scan.violationsTable')}
            caption="hidden"
            rows={report.violations}
            rowKey={(v) => `${v.page} ${v.phase} ${v.kind} ${v.subject} ${v.cause}`}
            columns={[
              { header: t('scan.page'), cell: (v) => v.page },
              { header: t('scan.phase'), cell: (v) => t(`scan.phase.${v.phase}`) },
              { header: t('scan.what'), cell: (v) => `${t(`scan.kind.${v.kind}`)} ${v.subject}` },
              { header: t('scan.cause'), cell: (v) => v.cause },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="scan-undeclared">
        <h3 id="scan-undeclared">{t('scan.undeclared', { count: report.undeclared.length })}</h3>
        <ul class="scan-vendors">
          {report.undeclared.map((found) => {
            const added = config.vendors.some((vendor) => vendor.key === found.key)
            return (
              <li key={found.key} data-vendor={found.key}>
                <strong>{found.name}</strong> <span class="hint">{found.evidence.join(', ')}</span>{' '}
                {added ? (
                  <span class="badge">{t('scan.inDraft')}</span>
                ) : (
                  onAdd && (
                    <button type="button" disabled={busy} onClick={() => onAdd(found.vendor)}>
                      {t('scan.addToDraft', { name: found.name })}
                    </button>
                  )
                )}
              </li>
            )
          })}
        </ul>
      </section>
      <section aria-labelledby="scan-unseen">
        <h3 id="scan-unseen">{t('scan.unseen', { count: report.unseen.length })}</h3>
        <ul>
          {report.unseen.map((vendor) => (
            <li key={vendor.key}>{vendor.name}</li>
          ))}
        </ul>
      </section>
      {report.unknownHosts.length > 0 && (
        <section aria-labelledby="scan-unknown">
          <h3 id="scan-unknown">{t('scan.unknownHosts', { count: report.unknownHosts.length })}</h3>
          <ul>
            {report.unknownHosts.map((host) => (
              <li key={host.host}>{host.host}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="scan-cookies">
        <h3 id="scan-cookies">{t('scan.cookies', { count: report.cookies.length })}</h3>
        <DataTable
          label={t('scan.cookieTable')}
          caption="hidden"
          rows={report.cookies}
          rowKey={(c) => `${c.name} ${c.domain}`}
          columns={[
            { header: t('scan.cookieName'), cell: (c) => c.name },
            { header: t('scan.domain'), cell: (c) => `${c.domain} (${t(`scan.party.${c.party}`)})` },
            { header: t('scan.lifetime'), cell: (c) => lifetime(c.lifetimeDays) },
            { header: t('scan.vendor'), cell: (c) => c.vendor ?? '—' },
            { header: t('scan.necessary'), cell: (c) => (c.necessary ? t('form.yes') : t('form.no')) },
          ]}
        />
      </section>
      {failed.length > 0 && (
        <section aria-labelledby="scan-failed">
          <h3 id="scan-failed">{t('scan.failedPages', { count: failed.length })}</h3>
          <ul>
            {failed.map((page) => (
              <li key={page.url}>
                {page.url}: {page.error}
              </li>
            ))}
          </ul>
        </section>
      )}
      {notes.length > 0 && (
        <section aria-labelledby="scan-notes">
          <h3 id="scan-notes">{t('scan.notes')}</h3>
          <ul>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
