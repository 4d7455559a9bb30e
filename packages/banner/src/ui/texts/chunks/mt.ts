import type { LanguageTexts } from '../index.ts'

/** Maltese. */
export default {
  title: 'L-għażliet tiegħek dwar il-privatezza',
  description:
    'Nużaw il-cookies u nibagħtu informazzjoni lil kumpaniji oħra għall-għanijiet imniżżla hawn taħt. Agħżel x’tippermetti; tista’ tibdlu fi kwalunkwe ħin.',
  acceptAll: 'Aċċetta kollox',
  rejectAll: 'Irrifjuta kollox',
  customize: 'Ippersonalizza',
  privacyPolicy: 'Politika tal-privatezza',
  vendorList: 'Kumpaniji li naħdmu magħhom',
  saved: 'L-għażliet tiegħek ġew salvati.',
  save: 'Issejvja l-għażliet',
  close: 'Agħlaq',
  preferencesTitle: 'Preferenzi tal-privatezza',
  preferencesDescription:
    'Ippermetti kull għan u kull kumpanija separatament. Xejn mhu mixgħul sakemm ma tixgħlux int.',
  alwaysOn: 'Dejjem mixgħul. ',
  gpc: 'Mitfi: il-browser tiegħek bagħat Global Privacy Control. ',
  vendors: 'Kumpaniji',
  cookies: 'Cookies: ',
  privacyOf: (name) => `Politika tal-privatezza ta’ ${name}`,
  consentId: 'L-ID tal-kunsens tiegħek: ',
  record: 'Ir-rekord tal-kunsens tiegħek',
  allow: (name) => `Ippermetti ${name}`,
  allowsAlso: (purposes) => `B’hekk tippermetti wkoll: ${purposes}.`,
  privacyChoices: 'L-għażliet tiegħek dwar il-privatezza',
  noticeTitle: 'Kif nużaw l-informazzjoni tiegħek',
  noticeDescription:
    'Nużaw il-cookies u teknoloġiji simili, u nibagħtu informazzjoni dwar iż-żjara tiegħek lil kumpaniji oħra. Il-link hawn taħt juri x’jintbagħat, lil min u għaliex; tista’ titfi kwalunkwe parti minnu fil-preferenzi.',
  disclosure: 'X’nibagħtu, u lil min',
  ok: 'Fhimt',
} satisfies LanguageTexts
