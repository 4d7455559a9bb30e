import type { LanguageTexts } from '../index.ts'

/** Bulgarian (formal "Вие"). */
export default {
  title: 'Вашите избори за поверителност',
  description:
    'Използваме бисквитки и изпращаме информация на други компании за целите по-долу. Изберете какво разрешавате; можете да промените избора си по всяко време.',
  acceptAll: 'Приемане на всички',
  rejectAll: 'Отхвърляне на всички',
  customize: 'Персонализиране',
  privacyPolicy: 'Политика за поверителност',
  vendorList: 'Компании, с които работим',
  saved: 'Изборът Ви е запазен.',
  save: 'Запазване на избора',
  close: 'Затваряне',
  preferencesTitle: 'Настройки за поверителност',
  preferencesDescription:
    'Разрешете всяка цел и всяка компания поотделно. Нищо не е включено, докато не го включите.',
  alwaysOn: 'Винаги включено. ',
  gpc: 'Изключено: браузърът Ви изпрати сигнал Global Privacy Control. ',
  vendors: 'Компании',
  cookies: 'Бисквитки: ',
  privacyOf: (name) => `Политика за поверителност на ${name}`,
  consentId: 'Вашият идентификатор на съгласие: ',
  record: 'Запис на Вашето съгласие',
  allow: (name) => `Разрешаване на ${name}`,
  allowsAlso: (purposes) => `Така разрешавате и: ${purposes}.`,
} satisfies LanguageTexts
