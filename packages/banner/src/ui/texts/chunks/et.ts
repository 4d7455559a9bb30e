import type { LanguageTexts } from '../index.ts'

/** Estonian (formal "teie"). */
export default {
  title: 'Teie privaatsusvalikud',
  description:
    'Kasutame küpsiseid ja saadame teavet teistele ettevõtetele allpool nimetatud eesmärkidel. Valige, mida lubate; saate seda igal ajal muuta.',
  acceptAll: 'Nõustu kõigiga',
  rejectAll: 'Keeldu kõigist',
  customize: 'Kohanda',
  privacyPolicy: 'Privaatsuspoliitika',
  vendorList: 'Ettevõtted, kellega teeme koostööd',
  saved: 'Teie valikud on salvestatud.',
  save: 'Salvesta valikud',
  close: 'Sulge',
  preferencesTitle: 'Privaatsuseelistused',
  preferencesDescription:
    'Lubage iga eesmärk ja iga ettevõte eraldi. Midagi ei ole sisse lülitatud enne, kui te selle sisse lülitate.',
  alwaysOn: 'Alati sees. ',
  gpc: 'Väljas: teie brauser saatis Global Privacy Control signaali. ',
  vendors: 'Ettevõtted',
  cookies: 'Küpsised: ',
  privacyOf: (name) => `Privaatsuspoliitika: ${name}`,
  consentId: 'Teie nõusoleku ID: ',
  record: 'Teie nõusoleku kirje',
  allow: (name) => `Luba ${name}`,
  allowsAlso: (purposes) => `Sellega lubate ka: ${purposes}.`,
  privacyChoices: 'Teie privaatsusvalikud',
  noticeTitle: 'Kuidas me teie andmeid kasutame',
  noticeDescription:
    'Kasutame küpsiseid ja sarnaseid tehnoloogiaid ning saadame teavet teie külastuse kohta teistele ettevõtetele. Allolevalt lingilt näete, mida, kellele ja miks saadetakse; seadetes saate igaühe neist välja lülitada.',
  disclosure: 'Mida ja kellele me saadame',
  ok: 'Sain aru',
} satisfies LanguageTexts
