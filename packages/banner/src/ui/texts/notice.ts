/**
 * The notice's built-in texts (a notice-model region's one-time notice, src/ui/notice.ts): English and
 * Japanese travel in its chunk, the other languages' in their language chunk, which the UI hands it. A
 * site's own texts (config `texts`) override each.
 */
const EN = {
  noticeTitle: 'How we use your information',
  noticeDescription:
    'We use cookies and similar technologies and send information about your visit to other companies. The link below says what is sent, to whom and why; you can turn any of it off in the preferences.',
  /** The link to the disclosure page (`/s/:siteId/disclosure`). */
  disclosure: 'What we send, and to whom',
  /** Dismisses the notice. */
  ok: 'OK',
}

export type NoticeTexts = typeof EN

/** 電気通信事業法の外部送信規律（第27条の12）による通知・公表の文言。 */
const JA: NoticeTexts = {
  noticeTitle: '利用者情報の外部送信について',
  noticeDescription:
    '当サイトは、Cookie等を利用して、閲覧に関する情報を外部の事業者に送信しています。送信される情報の内容、送信先、利用目的は下のリンク先でご確認いただけます。送信は設定からいつでも停止できます。',
  disclosure: '外部送信の詳細',
  ok: 'OK',
}

/** The notice's texts for `lang`: Japanese, else English. */
export const noticeTexts = (lang: string): NoticeTexts => (lang.startsWith('ja') ? JA : EN)
