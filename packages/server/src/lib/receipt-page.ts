import type { ReceiptAction, ReceiptProof, RegionModel } from '@torii/schema'
import { escapeHtml } from '@torii/schema/disclosure'
import type { SiteConfig } from '@torii/schema/site-config'

/** The page's one inline style: the server allows it in its Content-Security-Policy by hash. */
export const RECEIPT_PAGE_STYLE =
  'body{font:16px/1.6 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1f2328}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}th,td{border:1px solid #d0d7de;padding:.4rem .6rem;text-align:left;vertical-align:top}th{background:#f6f8fa;width:40%}code{word-break:break-all}'

const LABELS = {
  ja: {
    title: '同意の記録（レシート）',
    id: 'レシートID',
    site: 'サイト',
    issued: '記録日時（サーバー, UTC）',
    client: '端末の時刻',
    revision: '表示された設定',
    action: '操作',
    consentId: '同意ID',
    language: '言語',
    page: 'ページ',
    gpc: 'Global Privacy Control',
    place: '所在地（サーバーの判定）',
    rule: '適用された地域ルール',
    models: { 'opt-in': '事前の同意（オプトイン）', 'opt-out': 'オプトアウト', notice: '通知' },
    purposes: '目的ごとの選択',
    vendors: '事業者ごとの選択',
    granted: '同意',
    denied: '拒否',
    sealed: (batch: number) => `署名済みバッチ ${batch} に含まれています（改ざん検知可能）。`,
    pending: 'まもなく署名済みバッチに封印されます。',
    erased: 'この記録の内容は本人の請求により消去されました（ハッシュは保持）。',
    json: '機械可読な証明（JSON）',
    logged: (index: number, size: number) =>
      `公開ログのエントリ ${index} として、署名済みチェックポイント（サイズ ${size}）に含まれています。`,
    logPending: 'まもなく公開ログの署名済みチェックポイントに含まれます。',
    download: '証明をダウンロード（オフラインで検証できます）',
    yes: 'あり',
    no: 'なし',
    actions: {
      'accept-all': 'すべて同意',
      'reject-all': 'すべて拒否',
      custom: '目的・事業者ごとに選択',
      withdraw: '同意の撤回・変更',
      gpc: 'Global Privacy Control による拒否',
      notice: 'お知らせを確認（選択なし）',
    },
  },
  en: {
    title: 'Consent receipt',
    id: 'Receipt ID',
    site: 'Site',
    issued: 'Recorded (server, UTC)',
    client: 'Device time',
    revision: 'Config shown',
    action: 'Action',
    consentId: 'Consent ID',
    language: 'Language',
    page: 'Page',
    gpc: 'Global Privacy Control',
    place: 'Location (as the server placed it)',
    rule: 'Region rule applied',
    models: { 'opt-in': 'opt-in (asks first)', 'opt-out': 'opt-out', notice: 'notice' },
    purposes: 'Choice per purpose',
    vendors: 'Choice per vendor',
    granted: 'granted',
    denied: 'denied',
    sealed: (batch: number) => `Sealed in signed batch ${batch}: any change to it would be detected.`,
    pending: 'Waiting to be sealed in the next signed batch.',
    erased: 'The content of this receipt was erased on request; its hash remains.',
    json: 'Machine-readable proof (JSON)',
    logged: (index: number, size: number) =>
      `Entry ${index} of the public log, in its signed checkpoint of size ${size}.`,
    logPending: 'Will be in the public log’s next signed checkpoint shortly.',
    download: 'Download proof (checkable offline)',
    yes: 'on',
    no: 'off',
    actions: {
      'accept-all': 'Accepted all',
      'reject-all': 'Rejected all',
      custom: 'Chose per purpose and vendor',
      withdraw: 'Withdrew or changed consent',
      gpc: 'Denied by Global Privacy Control',
      notice: 'Dismissed the notice (no choice made)',
    },
  },
}

/**
 * A visitor-readable copy of a receipt (REC-12, Kantara §4.7), from the same proof the JSON carries. With
 * `config`, the revision the visitor was shown, purposes and vendors are named as they were shown.
 */
export function renderReceiptPage(
  proof: ReceiptProof,
  jsonUrl: string,
  config?: SiteConfig,
  downloadUrl?: string
): string {
  const { receipt, revision, inclusion, log } = proof
  const lang = receipt.language?.startsWith('ja') ? 'ja' : 'en'
  const l = LABELS[lang]
  const row = (label: string, value: string) =>
    `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`
  const localized = (text: Record<string, string> | undefined) =>
    text?.[lang] || (config && text?.[config.defaultLanguage]) || ''
  /** "Name (key)" as the visitor saw it, or the key alone. */
  const named = (key: string, name: string) => (name && name !== key ? `${name} (${key})` : key)
  const purposeName = (key: string) =>
    named(key, localized(config?.purposes.find((p) => p.key === key)?.name))
  const vendorName = (key: string) => named(key, config?.vendors.find((v) => v.key === key)?.name ?? '')
  const choices = (map: Record<string, boolean> | undefined, name: (key: string) => string) =>
    Object.entries(map ?? {})
      .map(([key, on]) => row(name(key), escapeHtml(on ? l.granted : l.denied)))
      .join('\n')
  const action = receipt.action && (l.actions[receipt.action as ReceiptAction] ?? receipt.action)
  // "Japan (JP), US-CA": the country named in the page's language, codes as recorded.
  const countryName = receipt.country && new Intl.DisplayNames([lang], { type: 'region' }).of(receipt.country)
  const place = [receipt.country && named(receipt.country, countryName ?? ''), receipt.subdivision].filter(
    Boolean
  )
  const model = receipt.regionModel && (l.models[receipt.regionModel as RegionModel] ?? receipt.regionModel)
  const rows = [
    row(l.id, `<code>${escapeHtml(receipt.id)}</code>`),
    row(l.site, escapeHtml(receipt.siteId)),
    row(l.issued, escapeHtml(receipt.issuedAt)),
    receipt.clientTime ? row(l.client, escapeHtml(receipt.clientTime)) : '',
    row(l.revision, `${revision.number} <code>${escapeHtml(revision.hash)}</code>`),
    action ? row(l.action, escapeHtml(action)) : '',
    receipt.consentId ? row(l.consentId, `<code>${escapeHtml(receipt.consentId)}</code>`) : '',
    receipt.language ? row(l.language, escapeHtml(receipt.language)) : '',
    receipt.pageUrl ? row(l.page, escapeHtml(receipt.pageUrl)) : '',
    // Erasure drops the GPC signal with the payload (the proof's `gpc: false` is a placeholder, as the CSV
    // export's empty cell says): "off" here would be a claim, and contradict an action kept as "gpc".
    !receipt.erasedAt && typeof receipt.gpc === 'boolean'
      ? row(l.gpc, escapeHtml(receipt.gpc ? l.yes : l.no))
      : '',
    place.length ? row(l.place, escapeHtml(place.join(', '))) : '',
    receipt.regionRule
      ? row(l.rule, `<code>${escapeHtml(receipt.regionRule)}</code>${model ? ` ${escapeHtml(model)}` : ''}`)
      : '',
  ]
  return [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(l.title)}</title>`,
    `<style>${RECEIPT_PAGE_STYLE}</style>`,
    `</head><body><main><h1>${escapeHtml(l.title)}</h1>`,
    receipt.erasedAt ? `<p><strong>${escapeHtml(l.erased)}</strong></p>` : '',
    `<table><tbody>\n${rows.filter(Boolean).join('\n')}\n</tbody></table>`,
    receipt.erasedAt
      ? ''
      : `<h2>${escapeHtml(l.purposes)}</h2><table><tbody>\n${choices(receipt.purposes, purposeName)}\n</tbody></table>`,
    receipt.erasedAt
      ? ''
      : `<h2>${escapeHtml(l.vendors)}</h2><table><tbody>\n${choices(receipt.vendors, vendorName)}\n</tbody></table>`,
    `<p>${escapeHtml(inclusion ? l.sealed(inclusion.batch) : l.pending)}</p>`,
    `<p>${escapeHtml(log ? l.logged(log.index, log.treeSize) : l.logPending)}</p>`,
    log ? `<details><summary>checkpoint</summary><pre>${escapeHtml(log.checkpoint)}</pre></details>` : '',
    `<p><a href="${escapeHtml(jsonUrl)}">${escapeHtml(l.json)}</a></p>`,
    log && downloadUrl
      ? `<p><a href="${escapeHtml(downloadUrl)}" download>${escapeHtml(l.download)}</a></p>`
      : '',
    '</main></body></html>',
  ].join('\n')
}
