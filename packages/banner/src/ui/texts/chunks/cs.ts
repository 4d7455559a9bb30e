import type { LanguageTexts } from '../index.ts'

/** Czech (formal "vy"). */
export default {
  title: 'Vaše volby ochrany soukromí',
  description:
    'Používáme soubory cookie a předáváme informace dalším společnostem pro níže uvedené účely. Vyberte, co povolíte; svou volbu můžete kdykoli změnit.',
  acceptAll: 'Přijmout vše',
  rejectAll: 'Odmítnout vše',
  customize: 'Přizpůsobit',
  privacyPolicy: 'Zásady ochrany osobních údajů',
  vendorList: 'Společnosti, se kterými spolupracujeme',
  saved: 'Vaše volby byly uloženy.',
  save: 'Uložit volby',
  close: 'Zavřít',
  preferencesTitle: 'Nastavení ochrany soukromí',
  preferencesDescription:
    'Povolte každý účel a každou společnost zvlášť. Nic není zapnuto, dokud to nezapnete.',
  alwaysOn: 'Vždy zapnuto. ',
  gpc: 'Vypnuto: váš prohlížeč odeslal signál Global Privacy Control. ',
  vendors: 'Společnosti',
  cookies: 'Soubory cookie: ',
  privacyOf: (name) => `Zásady ochrany osobních údajů: ${name}`,
  consentId: 'Vaše ID souhlasu: ',
  record: 'Záznam vašeho souhlasu',
  allow: (name) => `Povolit ${name}`,
  allowsAlso: (purposes) => `Tím povolíte také: ${purposes}.`,
  privacyChoices: 'Vaše volby ochrany soukromí',
  noticeTitle: 'Jak používáme vaše údaje',
  noticeDescription:
    'Používáme soubory cookie a podobné technologie a předáváme informace o vaší návštěvě dalším společnostem. Na odkazu níže zjistíte, co se předává, komu a proč; cokoli z toho můžete vypnout v nastavení.',
  disclosure: 'Co předáváme a komu',
  ok: 'Rozumím',
} satisfies LanguageTexts
