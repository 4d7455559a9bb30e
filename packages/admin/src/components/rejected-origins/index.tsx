import { ORIGIN_REJECTIONS, type ReceiptRejection } from '@torii/schema/receipt-rejection'
import { formatTime, type MessageKey, t } from '../../i18n/index.ts'
import { DataTable } from '../data-table/index.tsx'

export interface RejectedOriginsProps {
  rejections: ReceiptRejection[]
  /** The site's allowed origins: a refused origin among them needs nothing more. */
  allowed: string[]
  readOnly?: boolean
  onAllow: (origin: string) => void
}

/** A refusal's reason in words; a code this admin does not know yet, as it is. */
function reasonText(reason: string): string {
  const key = `rejection.${reason}` as MessageKey
  const text = t(key)
  return text === key ? reason : text
}

/** What a row offers: "allow this origin" where allowing it would let its receipts in. */
function allowCell(rejection: ReceiptRejection, props: RejectedOriginsProps) {
  const { origin } = rejection
  if (!origin || !(ORIGIN_REJECTIONS as readonly string[]).includes(rejection.reason)) return null
  if (props.allowed.includes(origin)) return <span class="badge">{t('settings.originAllowed')}</span>
  if (props.readOnly) return null
  return (
    <button type="button" onClick={() => props.onAllow(origin)}>
      {t('settings.allowOrigin')}
    </button>
  )
}

/** The receipts the server refused lately, by origin and reason, with "allow this origin". */
export function RejectedOrigins(props: RejectedOriginsProps) {
  if (props.rejections.length === 0) return <p>{t('settings.rejectionsNone')}</p>
  return (
    <DataTable
      label={t('settings.rejections')}
      caption="hidden"
      columns={[
        {
          header: t('settings.rejectionOrigin'),
          cell: (r) => (r.origin ? <code>{r.origin}</code> : t('settings.noOrigin')),
        },
        { header: t('settings.rejectionReason'), cell: (r) => reasonText(r.reason) },
        { header: t('settings.rejectionCount'), cell: (r) => r.count },
        { header: t('settings.rejectionLastSeen'), cell: (r) => formatTime(r.lastSeen) },
        { cell: (r) => allowCell(r, props) },
      ]}
      rows={props.rejections}
      rowKey={(r) => `${r.reason} ${r.origin}`}
    />
  )
}
