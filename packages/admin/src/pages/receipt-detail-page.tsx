import { useSignal } from '@preact/signals'
import type { ReceiptDetail } from '@torii/schema/admin-api'
import { useEffect } from 'preact/hooks'
import { api } from '../api/index.ts'
import { PageState } from '../components/page-state/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { formatTime, t } from '../i18n/index.ts'
import { sitePath } from '../lib/paths.ts'

function Choices({ values }: { values: Record<string, boolean> }) {
  return (
    <ul class="choices">
      {Object.entries(values).map(([key, granted]) => (
        <li key={key}>
          <code>{key}</code>: {granted ? '✓' : '✗'}{' '}
          <span class="visually-hidden">{granted ? t('form.yes') : t('form.no')}</span>
        </li>
      ))}
    </ul>
  )
}

function Hash({ value }: { value: string }) {
  return <code class="hash">{value}</code>
}

function Detail({ detail }: { detail: ReceiptDetail }) {
  const { receipt, inclusion } = detail
  const verified = detail.verified
  return (
    <>
      <div
        class={verified.ok ? 'notice ok' : inclusion ? 'notice error' : 'notice warning'}
        role="status"
        data-verified={verified.ok ? 'true' : 'false'}
      >
        {verified.ok
          ? t('receipt.verified')
          : inclusion
            ? t('receipt.notVerified', { reason: verified.reason ?? '' })
            : t('receipt.pending')}
      </div>
      <section class="card" aria-labelledby="receipt-details">
        <h2 id="receipt-details">{t('receipt.details')}</h2>
        <dl class="facts">
          <dt>{t('receipts.issuedAt')}</dt>
          <dd>{formatTime(receipt.issuedAt)}</dd>
          <dt>{t('receipts.action')}</dt>
          <dd>{t(`action.${receipt.action}`)}</dd>
          <dt>{t('receipts.consentId')}</dt>
          <dd>
            <code>{receipt.consentId}</code>
          </dd>
          <dt>{t('receipts.revision')}</dt>
          <dd>{receipt.revision}</dd>
          <dt>{t('receipt.revisionHash')}</dt>
          <dd>
            <Hash value={receipt.revisionHash} />
          </dd>
          {receipt.erasedAt ? (
            <>
              <dt>{t('receipts.erased')}</dt>
              <dd>{formatTime(receipt.erasedAt)}</dd>
            </>
          ) : (
            <>
              <dt>{t('receipt.purposes')}</dt>
              <dd>
                <Choices values={receipt.purposes ?? {}} />
              </dd>
              <dt>{t('receipt.vendors')}</dt>
              <dd>
                <Choices values={receipt.vendors ?? {}} />
              </dd>
              <dt>{t('receipt.consentMode')}</dt>
              <dd>
                {Object.entries(receipt.consentMode ?? {})
                  .map(([type, value]) => `${type}=${value}`)
                  .join(', ')}
              </dd>
              <dt>{t('receipts.gpc')}</dt>
              <dd>{receipt.gpc ? t('form.yes') : t('form.no')}</dd>
              <dt>{t('receipt.language')}</dt>
              <dd>{receipt.language}</dd>
              <dt>{t('receipt.pageUrl')}</dt>
              <dd>
                <code>{receipt.pageUrl}</code>
              </dd>
              <dt>{t('receipt.clientTime')}</dt>
              <dd>{formatTime(receipt.clientTime)}</dd>
            </>
          )}
          <dt>{t('receipt.leafHash')}</dt>
          <dd>
            <Hash value={detail.leafHash} />
          </dd>
        </dl>
        <p>
          <a href={`/receipts/${encodeURIComponent(receipt.id)}`} target="_blank" rel="noopener">
            {t('receipt.publicLink')}
          </a>
        </p>
      </section>
      {inclusion && (
        <section class="card" aria-labelledby="receipt-proof">
          <h2 id="receipt-proof">{t('receipt.proof')}</h2>
          <dl class="facts">
            <dt>{t('receipt.batch')}</dt>
            <dd>{inclusion.batch}</dd>
            <dt>{t('receipt.leafIndex')}</dt>
            <dd>{inclusion.leafIndex}</dd>
            <dt>{t('receipt.treeSize')}</dt>
            <dd>{inclusion.treeSize}</dd>
            <dt>{t('receipt.sealedAt')}</dt>
            <dd>{formatTime(inclusion.sealedAt)}</dd>
            <dt>{t('receipt.root')}</dt>
            <dd>
              <Hash value={inclusion.root} />
            </dd>
            <dt>{t('receipt.previousRoot')}</dt>
            <dd>
              <Hash value={inclusion.previousRoot} />
            </dd>
            <dt>{t('receipt.path')}</dt>
            <dd>
              <ol class="proof-path">
                {inclusion.path.map((hash, i) => (
                  <li key={i}>
                    <Hash value={hash} />
                  </li>
                ))}
              </ol>
            </dd>
            <dt>{t('receipt.signature')}</dt>
            <dd>
              <Hash value={inclusion.signature} />
            </dd>
            <dt>{t('receipt.publicKey')}</dt>
            <dd>
              <Hash value={inclusion.publicKey} />
            </dd>
          </dl>
        </section>
      )}
    </>
  )
}

/** One receipt with its proof and whether it verifies now. */
export default function ReceiptDetailPage({ siteId, receiptId }: { siteId: string; receiptId: string }) {
  const detail = useSignal<ReceiptDetail | null>(null)
  const error = useSignal<Error | null>(null)
  async function load() {
    error.value = null
    try {
      detail.value = await api.getReceipt(siteId, receiptId)
    } catch (cause) {
      error.value = cause as Error
    }
  }
  useEffect(() => {
    detail.value = null
    load()
  }, [siteId, receiptId])
  // A fresh receipt waits for its batch to be sealed: look again until it has its proof.
  const pending = detail.value !== null && detail.value.inclusion === null && !detail.value.receipt.erasedAt
  useEffect(() => {
    if (!pending) return
    const timer = setTimeout(load, 2000)
    return () => clearTimeout(timer)
  }, [pending, detail.value])
  return (
    <SiteFrame siteId={siteId} section="receipts">
      <p>
        <a href={sitePath(siteId, 'receipts')}>{t('receipt.back')}</a>
      </p>
      <h2 class="receipt-id">{t('receipt.title', { id: receiptId })}</h2>
      {detail.value ? <Detail detail={detail.value} /> : <PageState error={error.value} onRetry={load} />}
    </SiteFrame>
  )
}
