import type { LanguageTexts } from '../index.ts'

/** Slovenian (formal "vi"). */
export default {
  title: 'Vaše izbire glede zasebnosti',
  description:
    'Uporabljamo piškotke in pošiljamo podatke drugim podjetjem za spodaj navedene namene. Izberite, kaj dovolite; izbiro lahko kadar koli spremenite.',
  acceptAll: 'Sprejmi vse',
  rejectAll: 'Zavrni vse',
  customize: 'Prilagodi',
  privacyPolicy: 'Pravilnik o zasebnosti',
  vendorList: 'Podjetja, s katerimi sodelujemo',
  saved: 'Vaše izbire so shranjene.',
  save: 'Shrani izbire',
  close: 'Zapri',
  preferencesTitle: 'Nastavitve zasebnosti',
  preferencesDescription:
    'Dovolite vsak namen in vsako podjetje posebej. Nič ni vklopljeno, dokler tega ne vklopite.',
  alwaysOn: 'Vedno vklopljeno. ',
  gpc: 'Izklopljeno: vaš brskalnik je poslal signal Global Privacy Control. ',
  vendors: 'Podjetja',
  cookies: 'Piškotki: ',
  privacyOf: (name) => `Pravilnik o zasebnosti: ${name}`,
  consentId: 'Vaš ID privolitve: ',
  record: 'Zapis vaše privolitve',
  allow: (name) => `Dovoli ${name}`,
  allowsAlso: (purposes) => `S tem dovolite tudi: ${purposes}.`,
  privacyChoices: 'Vaše izbire glede zasebnosti',
  noticeTitle: 'Kako uporabljamo vaše podatke',
  noticeDescription:
    'Uporabljamo piškotke in podobne tehnologije ter pošiljamo podatke o vašem obisku drugim podjetjem. Na spodnji povezavi si oglejte, kaj se pošilja, komu in zakaj; karkoli od tega lahko izklopite v nastavitvah.',
  disclosure: 'Kaj pošiljamo in komu',
  ok: 'Razumem',
} satisfies LanguageTexts
