import type { LanguageTexts } from '../index.ts'

/** Danish. */
export default {
  title: 'Dine valg om privatliv',
  description:
    'Vi bruger cookies og sender oplysninger til andre virksomheder til nedenstående formål. Vælg, hvad du tillader; du kan til enhver tid ændre det.',
  acceptAll: 'Accepter alle',
  rejectAll: 'Afvis alle',
  customize: 'Tilpas',
  privacyPolicy: 'Privatlivspolitik',
  vendorList: 'Virksomheder, vi samarbejder med',
  saved: 'Dine valg er gemt.',
  save: 'Gem valg',
  close: 'Luk',
  preferencesTitle: 'Privatlivsindstillinger',
  preferencesDescription:
    'Tillad hvert formål og hver virksomhed for sig. Intet er slået til, før du slår det til.',
  alwaysOn: 'Altid slået til. ',
  gpc: 'Slået fra: din browser har sendt Global Privacy Control. ',
  vendors: 'Virksomheder',
  cookies: 'Cookies: ',
  privacyOf: (name) => `Privatlivspolitik for ${name}`,
  consentId: 'Dit samtykke-id: ',
  record: 'Registrering af dit samtykke',
  allow: (name) => `Tillad ${name}`,
  allowsAlso: (purposes) => `Dermed tillader du også: ${purposes}.`,
  privacyChoices: 'Dine valg om privatliv',
  noticeTitle: 'Sådan bruger vi dine oplysninger',
  noticeDescription:
    'Vi bruger cookies og lignende teknologier og sender oplysninger om dit besøg til andre virksomheder. Linket nedenfor viser, hvad der sendes, til hvem og hvorfor; du kan slå hver del fra i indstillingerne.',
  disclosure: 'Hvad vi sender, og til hvem',
  ok: 'Forstået',
} satisfies LanguageTexts
