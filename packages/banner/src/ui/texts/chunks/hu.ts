import type { LanguageTexts } from '../index.ts'

/** Hungarian (formal "Ön"). */
export default {
  title: 'Adatvédelmi döntései',
  description:
    'Sütiket használunk, és az alább felsorolt célokból információkat küldünk más vállalatoknak. Válassza ki, mit engedélyez; ezt bármikor módosíthatja.',
  acceptAll: 'Összes elfogadása',
  rejectAll: 'Összes elutasítása',
  customize: 'Testreszabás',
  privacyPolicy: 'Adatvédelmi tájékoztató',
  vendorList: 'Vállalatok, amelyekkel együttműködünk',
  saved: 'Döntéseit elmentettük.',
  save: 'Döntések mentése',
  close: 'Bezárás',
  preferencesTitle: 'Adatvédelmi beállítások',
  preferencesDescription:
    'Engedélyezze külön-külön az egyes célokat és vállalatokat. Semmi sincs bekapcsolva, amíg Ön be nem kapcsolja.',
  alwaysOn: 'Mindig bekapcsolva. ',
  gpc: 'Kikapcsolva: böngészője Global Privacy Control jelzést küldött. ',
  vendors: 'Vállalatok',
  cookies: 'Sütik: ',
  privacyOf: (name) => `Adatvédelmi tájékoztató: ${name}`,
  consentId: 'Hozzájárulási azonosítója: ',
  record: 'Hozzájárulásának nyilvántartása',
  allow: (name) => `${name} engedélyezése`,
  allowsAlso: (purposes) => `Ezzel ezt is engedélyezi: ${purposes}.`,
  privacyChoices: 'Adatvédelmi döntései',
  noticeTitle: 'Hogyan használjuk az Ön adatait',
  noticeDescription:
    'Sütiket és hasonló technológiákat használunk, és a látogatásával kapcsolatos információkat küldünk más vállalatoknak. Az alábbi hivatkozáson megtudhatja, mit, kinek és miért küldünk; a beállításokban bármelyiket kikapcsolhatja.',
  disclosure: 'Mit és kinek küldünk',
  ok: 'Értem',
} satisfies LanguageTexts
