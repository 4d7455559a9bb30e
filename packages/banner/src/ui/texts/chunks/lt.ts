import type { LanguageTexts } from '../index.ts'

/** Lithuanian (formal "jūs"). */
export default {
  title: 'Jūsų privatumo pasirinkimai',
  description:
    'Naudojame slapukus ir siunčiame informaciją kitoms įmonėms toliau nurodytais tikslais. Pasirinkite, ką leidžiate; tai galite bet kada pakeisti.',
  acceptAll: 'Priimti visus',
  rejectAll: 'Atmesti visus',
  customize: 'Tinkinti',
  privacyPolicy: 'Privatumo politika',
  vendorList: 'Įmonės, su kuriomis bendradarbiaujame',
  saved: 'Jūsų pasirinkimai išsaugoti.',
  save: 'Išsaugoti pasirinkimus',
  close: 'Uždaryti',
  preferencesTitle: 'Privatumo nuostatos',
  preferencesDescription:
    'Leiskite kiekvieną tikslą ir kiekvieną įmonę atskirai. Niekas neįjungta, kol to neįjungsite.',
  alwaysOn: 'Visada įjungta. ',
  gpc: 'Išjungta: jūsų naršyklė atsiuntė Global Privacy Control signalą. ',
  vendors: 'Įmonės',
  cookies: 'Slapukai: ',
  privacyOf: (name) => `Privatumo politika: ${name}`,
  consentId: 'Jūsų sutikimo ID: ',
  record: 'Jūsų sutikimo įrašas',
  allow: (name) => `Leisti ${name}`,
  allowsAlso: (purposes) => `Taip leisite ir: ${purposes}.`,
  privacyChoices: 'Jūsų privatumo pasirinkimai',
  noticeTitle: 'Kaip naudojame jūsų informaciją',
  noticeDescription:
    'Naudojame slapukus ir panašias technologijas bei siunčiame informaciją apie jūsų apsilankymą kitoms įmonėms. Toliau pateiktoje nuorodoje sužinosite, kas, kam ir kodėl siunčiama; bet kurį siuntimą galite išjungti nuostatose.',
  disclosure: 'Ką ir kam siunčiame',
  ok: 'Supratau',
} satisfies LanguageTexts
