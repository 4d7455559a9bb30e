import type { FirstLayerTexts } from './en.ts'

/** 日本語の既定文言。サイトの文言（config の `texts.ja`）が項目ごとに優先される。 */
export const JA: FirstLayerTexts = {
  title: 'プライバシーに関する選択',
  description:
    '当サイトは、以下の目的でCookie等を使用し、他社に情報を送信します。許可する範囲をお選びください。選択はいつでも変更できます。',
  acceptAll: 'すべて許可',
  rejectAll: 'すべて拒否',
  customize: '設定を選ぶ',
  privacyPolicy: 'プライバシーポリシー',
  vendorList: '情報の送信先',
  saved: '選択を保存しました。',
}
