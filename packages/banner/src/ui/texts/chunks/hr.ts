import type { LanguageTexts } from '../index.ts'

/** Croatian (formal "vi"). */
export default {
  title: 'Vaši izbori o privatnosti',
  description:
    'Koristimo kolačiće i šaljemo podatke drugim tvrtkama u dolje navedene svrhe. Odaberite što dopuštate; to možete promijeniti u bilo kojem trenutku.',
  acceptAll: 'Prihvati sve',
  rejectAll: 'Odbij sve',
  customize: 'Prilagodi',
  privacyPolicy: 'Pravila privatnosti',
  vendorList: 'Tvrtke s kojima surađujemo',
  saved: 'Vaši su izbori spremljeni.',
  save: 'Spremi izbore',
  close: 'Zatvori',
  preferencesTitle: 'Postavke privatnosti',
  preferencesDescription:
    'Dopustite svaku svrhu i svaku tvrtku zasebno. Ništa nije uključeno dok to ne uključite.',
  alwaysOn: 'Uvijek uključeno. ',
  gpc: 'Isključeno: vaš je preglednik poslao signal Global Privacy Control. ',
  vendors: 'Tvrtke',
  cookies: 'Kolačići: ',
  privacyOf: (name) => `Pravila privatnosti: ${name}`,
  consentId: 'Vaš ID privole: ',
  record: 'Zapis vaše privole',
  allow: (name) => `Dopusti ${name}`,
  allowsAlso: (purposes) => `Time dopuštate i: ${purposes}.`,
  privacyChoices: 'Vaši izbori o privatnosti',
  noticeTitle: 'Kako koristimo vaše podatke',
  noticeDescription:
    'Koristimo kolačiće i slične tehnologije te šaljemo podatke o vašem posjetu drugim tvrtkama. Na poveznici u nastavku saznajte što se šalje, kome i zašto; bilo što od toga možete isključiti u postavkama.',
  disclosure: 'Što šaljemo i kome',
  ok: 'Razumijem',
} satisfies LanguageTexts
