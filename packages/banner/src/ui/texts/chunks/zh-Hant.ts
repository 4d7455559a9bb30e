import type { LanguageTexts } from '../index.ts'

/** Chinese, Traditional (`zh-TW`, `zh-HK`, `zh-MO`; full-width punctuation, no space after it). */
export default {
  title: '您的隱私選擇',
  description: '我們使用 Cookie，並基於以下目的將資訊傳送給其他公司。請選擇您允許的項目；您可以隨時變更。',
  acceptAll: '全部接受',
  rejectAll: '全部拒絕',
  customize: '自訂',
  privacyPolicy: '隱私權政策',
  vendorList: '與我們合作的公司',
  saved: '已儲存您的選擇。',
  save: '儲存選擇',
  close: '關閉',
  preferencesTitle: '隱私偏好設定',
  preferencesDescription: '您可以分別允許每個目的和每家公司。在您開啟之前，所有項目均為關閉。',
  alwaysOn: '一律開啟。',
  gpc: '已關閉：您的瀏覽器傳送了 Global Privacy Control 訊號。',
  vendors: '公司',
  cookies: 'Cookie：',
  privacyOf: (name) => `${name}的隱私權政策`,
  consentId: '您的同意 ID：',
  record: '查看同意紀錄',
  allow: (name) => `允許${name}`,
  allowsAlso: (purposes) => `允許後，您也同意「${purposes}」。`,
  privacyChoices: '您的隱私選擇',
  noticeTitle: '我們如何使用您的資訊',
  noticeDescription:
    '我們使用 Cookie 及類似技術，並將與您造訪相關的資訊傳送給其他公司。下方連結說明傳送哪些資訊、傳送給誰以及原因；您可以在偏好設定中關閉其中任何一項。',
  disclosure: '我們傳送的資訊及接收方',
  ok: '知道了',
} satisfies LanguageTexts
