import type { LanguageTexts } from '../index.ts'

/** Chinese, Simplified (`zh`, `zh-CN`, `zh-SG`; full-width punctuation, no space after it). */
export default {
  title: '您的隐私选择',
  description: '我们使用 Cookie，并出于以下目的向其他公司发送信息。请选择您允许的内容；您可以随时更改。',
  acceptAll: '全部接受',
  rejectAll: '全部拒绝',
  customize: '自定义',
  privacyPolicy: '隐私政策',
  vendorList: '与我们合作的公司',
  saved: '您的选择已保存。',
  save: '保存选择',
  close: '关闭',
  preferencesTitle: '隐私偏好设置',
  preferencesDescription: '您可以分别允许每个目的和每家公司。在您开启之前，所有选项均处于关闭状态。',
  alwaysOn: '始终开启。',
  gpc: '已关闭：您的浏览器发送了 Global Privacy Control 信号。',
  vendors: '公司',
  cookies: 'Cookie：',
  privacyOf: (name) => `${name}的隐私政策`,
  consentId: '您的同意 ID：',
  record: '查看同意记录',
  allow: (name) => `允许${name}`,
  allowsAlso: (purposes) => `允许后，您也同意“${purposes}”。`,
  privacyChoices: '您的隐私选择',
  noticeTitle: '我们如何使用您的信息',
  noticeDescription:
    '我们使用 Cookie 及类似技术，并将与您访问相关的信息发送给其他公司。下方链接说明发送哪些信息、发送给谁以及原因；您可以在偏好设置中关闭其中任何一项。',
  disclosure: '我们发送的信息及接收方',
  ok: '知道了',
} satisfies LanguageTexts
