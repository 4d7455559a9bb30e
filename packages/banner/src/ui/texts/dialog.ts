/**
 * The preferences dialog's built-in texts, per language: they travel in the preferences chunk, not in the
 * first visit's. A site may override the first four (config `texts`, merged by textsFor). Each language
 * keeps its own punctuation (a Japanese sentence ends with 。 and no space follows it).
 */
const EN = {
  save: 'Save choices',
  close: 'Close',
  preferencesTitle: 'Privacy preferences',
  preferencesDescription:
    'Allow each purpose and each company separately. Nothing is on until you turn it on.',
  /** Before the description of a required purpose. */
  alwaysOn: 'Always on. ',
  /** Before the description of a purpose Global Privacy Control turns off. */
  gpc: 'Off: your browser sent Global Privacy Control. ',
  vendors: 'Companies',
  cookies: 'Cookies: ',
  privacyOf: (name: string) => `Privacy policy of ${name}`,
  consentId: 'Your consent ID: ',
  record: 'Your consent record',
}

export type DialogTexts = typeof EN

const JA: DialogTexts = {
  save: '選択を保存',
  close: '閉じる',
  preferencesTitle: 'プライバシー設定',
  preferencesDescription: '目的ごと、送信先の会社ごとに許可できます。オンにするまではすべてオフです。',
  alwaysOn: '常にオン。',
  gpc: 'オフ：ブラウザーがGlobal Privacy Controlを送信しています。',
  vendors: '送信先',
  cookies: 'Cookie：',
  privacyOf: (name) => `${name}のプライバシーポリシー`,
  consentId: 'あなたの同意ID：',
  record: '同意の記録を見る',
}

/** The dialog's texts for `lang` (or its primary subtag), English when there are none. */
export const dialogTexts = (lang: string): DialogTexts => (lang.split('-')[0] == 'ja' ? JA : EN)
