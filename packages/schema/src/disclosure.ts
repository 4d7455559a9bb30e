import { pickText } from './language.ts'
import type { SiteConfig } from './site-config.ts'

/** Headings and sentences of the disclosure, per language; other languages fall back to English. */
const DISCLOSURE_TEXTS = {
  ja: {
    title: '利用者情報の外部送信について',
    intro:
      '当サイトでは、以下の事業者のプログラム（タグ）により、閲覧者の端末から事業者へ情報を送信しています。当サイトでの利用目的は送信先ごとに記載しています（電気通信事業法第27条の12に基づく公表）。',
    consent: '必須以外の送信は、同意をいただいた範囲でのみ行います。設定はいつでも変更できます。',
    change: 'Cookie設定を変更する',
    recipient: '送信先の名称',
    dataSent: '送信される情報の内容',
    use: '送信先での利用目的',
    purposes: '当サイトでの利用目的',
    optOut: 'オプトアウト（無効化）',
    privacyPolicy: '送信先のプライバシーポリシー',
    cookies: 'Cookieの一覧',
    cookieName: 'Cookie名',
    vendor: '事業者・サービス',
    retention: '保存期間',
    description: '用途',
    none: '外部送信はありません。',
    revision: '公開設定リビジョン {n}（{date}）に基づく',
    separator: '、',
  },
  en: {
    title: 'Information sent to third parties',
    intro:
      'The programs (tags) of the companies below send information from your device to them; the purpose on this site is given for each. (Published under Article 27-12 of Japan’s Telecommunications Business Act.)',
    consent:
      'Anything not strictly necessary is sent only as far as you agreed. You can change your choice at any time.',
    change: 'Change cookie settings',
    recipient: 'Recipient',
    dataSent: 'Information sent',
    use: 'How the recipient uses it',
    purposes: 'Purpose on this site',
    optOut: 'Opt out',
    privacyPolicy: 'Recipient’s privacy policy',
    cookies: 'Cookies',
    cookieName: 'Cookie',
    vendor: 'Company / service',
    retention: 'Retention',
    description: 'What it does',
    none: 'No information is sent to third parties.',
    revision: 'From published revision {n} ({date})',
    separator: ', ',
  },
} as const

type Texts = (typeof DISCLOSURE_TEXTS)['en'] | (typeof DISCLOSURE_TEXTS)['ja']

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function safeUrl(url: string): string | null {
  return /^https?:\/\//i.test(url) || url.startsWith('/') ? url : null
}

function link(url: string | undefined): string {
  const safe = url ? safeUrl(url) : null
  return safe ? `<a href="${escapeHtml(safe)}" rel="noopener">${escapeHtml(safe)}</a>` : ''
}

export interface DisclosureOptions {
  /** The revision the notice comes from, shown at the end. */
  revision?: { number: number; publishedAt: string }
  /** Heading level of the title (2 by default); sections use the next level. */
  headingLevel?: 1 | 2 | 3
  /**
   * A "change cookie settings" link (`data-torii-open`, which the gate turns into opening the preferences):
   * on by default, for the fragment pasted into the site's own page; off where no gate runs.
   */
  changeLink?: boolean
}

/**
 * Renders the external transmission notice (外部送信, JP-02/JP-06) and the cookie table of a config as an
 * HTML fragment in `language`: per vendor the recipient, the information sent and its use. Everything is escaped.
 */
export function renderDisclosureHtml(
  config: SiteConfig,
  language: string,
  options: DisclosureOptions = {}
): string {
  const texts: Texts = language.startsWith('ja') ? DISCLOSURE_TEXTS.ja : DISCLOSURE_TEXTS.en
  const text = (value: Record<string, string> | undefined) =>
    escapeHtml(pickText(value, language, config.defaultLanguage))
  const h = options.headingLevel ?? 2
  const purposeNames = (keys: string[]) =>
    keys
      .map((key) => text(config.purposes.find((purpose) => purpose.key === key)?.name) || escapeHtml(key))
      .join(texts.separator)
  const out: string[] = [`<section class="torii-disclosure" lang="${escapeHtml(language)}">`]
  const change = options.changeLink === false ? '' : ` <a href="#" data-torii-open>${texts.change}</a>`
  out.push(`<h${h}>${texts.title}</h${h}>`, `<p>${texts.intro}</p>`, `<p>${texts.consent}${change}</p>`)
  if (config.vendors.length === 0) out.push(`<p>${texts.none}</p>`)
  for (const vendor of config.vendors) {
    out.push(`<section class="torii-disclosure-vendor" data-vendor="${escapeHtml(vendor.key)}">`)
    out.push(`<h${h + 1}>${escapeHtml(vendor.name)}</h${h + 1}>`, '<dl>')
    out.push(`<dt>${texts.recipient}</dt><dd>${text(vendor.recipient)}</dd>`)
    out.push(`<dt>${texts.dataSent}</dt><dd>${text(vendor.dataSent)}</dd>`)
    out.push(`<dt>${texts.use}</dt><dd>${text(vendor.use)}</dd>`)
    out.push(`<dt>${texts.purposes}</dt><dd>${purposeNames(vendor.purposes)}</dd>`)
    if (vendor.optOutUrl) out.push(`<dt>${texts.optOut}</dt><dd>${link(vendor.optOutUrl)}</dd>`)
    out.push(
      `<dt>${texts.privacyPolicy}</dt><dd>${link(vendor.privacyPolicyUrl)}</dd>`,
      '</dl>',
      '</section>'
    )
  }
  const cookies = config.vendors.flatMap((vendor) => vendor.cookies.map((cookie) => ({ vendor, cookie })))
  if (cookies.length > 0) {
    out.push(`<h${h + 1}>${texts.cookies}</h${h + 1}>`, '<table class="torii-cookie-table">')
    out.push(
      `<thead><tr><th scope="col">${texts.cookieName}</th><th scope="col">${texts.vendor}</th><th scope="col">${texts.purposes}</th><th scope="col">${texts.retention}</th><th scope="col">${texts.description}</th></tr></thead>`,
      '<tbody>'
    )
    for (const { vendor, cookie } of cookies) {
      out.push(
        `<tr><th scope="row"><code>${escapeHtml(cookie.name)}</code></th><td>${escapeHtml(vendor.name)}</td><td>${purposeNames(vendor.purposes)}</td><td>${text(cookie.retention)}</td><td>${text(cookie.description)}</td></tr>`
      )
    }
    out.push('</tbody>', '</table>')
  }
  if (options.revision) {
    const note = texts.revision
      .replace('{n}', String(options.revision.number))
      .replace('{date}', escapeHtml(options.revision.publishedAt.slice(0, 10)))
    out.push(`<p class="torii-disclosure-revision"><small>${note}</small></p>`)
  }
  out.push('</section>')
  return out.join('\n')
}
