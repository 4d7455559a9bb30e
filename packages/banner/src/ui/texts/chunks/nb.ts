import type { LanguageTexts } from '../index.ts'

/** Norwegian Bokmål (also for `no` and `nn`). */
export default {
  title: 'Dine personvernvalg',
  description:
    'Vi bruker informasjonskapsler og sender opplysninger til andre selskaper for formålene nedenfor. Velg hva du tillater; du kan endre det når som helst.',
  acceptAll: 'Godta alle',
  rejectAll: 'Avvis alle',
  customize: 'Tilpass',
  privacyPolicy: 'Personvernerklæring',
  vendorList: 'Selskaper vi samarbeider med',
  saved: 'Valgene dine er lagret.',
  save: 'Lagre valgene',
  close: 'Lukk',
  preferencesTitle: 'Personverninnstillinger',
  preferencesDescription:
    'Tillat hvert formål og hvert selskap for seg. Ingenting er slått på før du slår det på.',
  alwaysOn: 'Alltid på. ',
  gpc: 'Av: nettleseren din sendte Global Privacy Control. ',
  vendors: 'Selskaper',
  cookies: 'Informasjonskapsler: ',
  privacyOf: (name) => `Personvernerklæringen til ${name}`,
  consentId: 'Din samtykke-ID: ',
  record: 'Registreringen av samtykket ditt',
  allow: (name) => `Tillat ${name}`,
  allowsAlso: (purposes) => `Da tillater du også: ${purposes}.`,
  privacyChoices: 'Dine personvernvalg',
  noticeTitle: 'Slik bruker vi opplysningene dine',
  noticeDescription:
    'Vi bruker informasjonskapsler og lignende teknologi og sender opplysninger om besøket ditt til andre selskaper. Lenken nedenfor viser hva som sendes, til hvem og hvorfor; du kan slå av hva som helst av det i innstillingene.',
  disclosure: 'Hva vi sender, og til hvem',
  ok: 'Forstått',
} satisfies LanguageTexts
