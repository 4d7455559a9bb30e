import type { LanguageTexts } from '../index.ts'

/** Finnish. */
export default {
  title: 'Tietosuojavalintasi',
  description:
    'Käytämme evästeitä ja lähetämme tietoja muille yrityksille alla mainittuihin tarkoituksiin. Valitse, mitä sallit; voit muuttaa valintaasi milloin tahansa.',
  acceptAll: 'Hyväksy kaikki',
  rejectAll: 'Hylkää kaikki',
  customize: 'Mukauta',
  privacyPolicy: 'Tietosuojaseloste',
  vendorList: 'Yritykset, joiden kanssa teemme yhteistyötä',
  saved: 'Valintasi on tallennettu.',
  save: 'Tallenna valinnat',
  close: 'Sulje',
  preferencesTitle: 'Tietosuoja-asetukset',
  preferencesDescription:
    'Salli jokainen tarkoitus ja jokainen yritys erikseen. Mikään ei ole käytössä ennen kuin otat sen käyttöön.',
  alwaysOn: 'Aina käytössä. ',
  gpc: 'Pois käytöstä: selaimesi lähetti Global Privacy Control -signaalin. ',
  vendors: 'Yritykset',
  cookies: 'Evästeet: ',
  privacyOf: (name) => `Tietosuojaseloste: ${name}`,
  consentId: 'Suostumustunnuksesi: ',
  record: 'Suostumuksesi kirjaus',
  allow: (name) => `Salli ${name}`,
  allowsAlso: (purposes) => `Samalla sallit myös: ${purposes}.`,
  privacyChoices: 'Tietosuojavalintasi',
  noticeTitle: 'Miten käytämme tietojasi',
  noticeDescription:
    'Käytämme evästeitä ja vastaavia tekniikoita ja lähetämme tietoja käynnistäsi muille yrityksille. Alla olevasta linkistä näet, mitä lähetetään, kenelle ja miksi; voit poistaa minkä tahansa niistä käytöstä asetuksissa.',
  disclosure: 'Mitä lähetämme ja kenelle',
  ok: 'Selvä',
} satisfies LanguageTexts
