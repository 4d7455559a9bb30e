import type { LanguageTexts } from '../index.ts'

/** Korean (formal 합니다체). */
export default {
  title: '개인정보 보호 선택',
  description:
    '당사는 아래 목적을 위해 쿠키를 사용하고 다른 회사에 정보를 전송합니다. 허용할 항목을 선택해 주세요. 선택은 언제든지 변경할 수 있습니다.',
  acceptAll: '모두 허용',
  rejectAll: '모두 거부',
  customize: '맞춤 설정',
  privacyPolicy: '개인정보 처리방침',
  vendorList: '정보를 제공받는 회사',
  saved: '선택이 저장되었습니다.',
  save: '선택 저장',
  close: '닫기',
  preferencesTitle: '개인정보 보호 설정',
  preferencesDescription: '목적별, 회사별로 각각 허용할 수 있습니다. 직접 켜기 전까지는 모두 꺼져 있습니다.',
  alwaysOn: '항상 켜짐. ',
  gpc: '꺼짐: 브라우저가 Global Privacy Control 신호를 보냈습니다. ',
  vendors: '회사',
  cookies: '쿠키: ',
  privacyOf: (name) => `${name} 개인정보 처리방침`,
  consentId: '동의 ID: ',
  record: '동의 기록 보기',
  allow: (name) => `${name} 허용`,
  allowsAlso: (purposes) => `허용하면 다음에도 동의하게 됩니다: ${purposes}.`,
  privacyChoices: '개인정보 보호 선택',
  noticeTitle: '이용자 정보 이용 안내',
  noticeDescription:
    '당사는 쿠키 및 유사한 기술을 사용하며, 귀하의 방문에 관한 정보를 다른 회사에 전송합니다. 전송되는 정보, 받는 회사, 이용 목적은 아래 링크에서 확인할 수 있으며, 설정에서 언제든지 전송을 중단할 수 있습니다.',
  disclosure: '전송 정보 및 받는 회사',
  ok: '확인',
} satisfies LanguageTexts
