import type { LanguageTexts } from '../index.ts'

/** Slovak (formal "vy"). */
export default {
  title: 'Vaše voľby ochrany súkromia',
  description:
    'Používame súbory cookie a odovzdávame informácie iným spoločnostiam na nižšie uvedené účely. Vyberte, čo povolíte; svoju voľbu môžete kedykoľvek zmeniť.',
  acceptAll: 'Prijať všetko',
  rejectAll: 'Odmietnuť všetko',
  customize: 'Prispôsobiť',
  privacyPolicy: 'Zásady ochrany osobných údajov',
  vendorList: 'Spoločnosti, s ktorými spolupracujeme',
  saved: 'Vaše voľby boli uložené.',
  save: 'Uložiť voľby',
  close: 'Zavrieť',
  preferencesTitle: 'Nastavenia ochrany súkromia',
  preferencesDescription:
    'Povoľte každý účel a každú spoločnosť samostatne. Nič nie je zapnuté, kým to nezapnete.',
  alwaysOn: 'Vždy zapnuté. ',
  gpc: 'Vypnuté: váš prehliadač odoslal signál Global Privacy Control. ',
  vendors: 'Spoločnosti',
  cookies: 'Súbory cookie: ',
  privacyOf: (name) => `Zásady ochrany osobných údajov: ${name}`,
  consentId: 'Vaše ID súhlasu: ',
  record: 'Záznam vášho súhlasu',
  allow: (name) => `Povoliť ${name}`,
  allowsAlso: (purposes) => `Tým povolíte aj: ${purposes}.`,
  privacyChoices: 'Vaše voľby ochrany súkromia',
  noticeTitle: 'Ako používame vaše údaje',
  noticeDescription:
    'Používame súbory cookie a podobné technológie a odovzdávame informácie o vašej návšteve iným spoločnostiam. Na odkaze nižšie zistíte, čo sa odovzdáva, komu a prečo; čokoľvek z toho môžete vypnúť v nastaveniach.',
  disclosure: 'Čo odovzdávame a komu',
  ok: 'Rozumiem',
} satisfies LanguageTexts
