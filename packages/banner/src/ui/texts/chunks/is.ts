import type { LanguageTexts } from '../index.ts'

/** Icelandic. */
export default {
  title: 'Persónuverndarval þitt',
  description:
    'Við notum vafrakökur og sendum upplýsingar til annarra fyrirtækja í þeim tilgangi sem talinn er upp hér að neðan. Veldu hvað þú leyfir; þú getur breytt því hvenær sem er.',
  acceptAll: 'Samþykkja allt',
  rejectAll: 'Hafna öllu',
  customize: 'Sérsníða',
  privacyPolicy: 'Persónuverndarstefna',
  vendorList: 'Fyrirtæki sem við vinnum með',
  saved: 'Val þitt hefur verið vistað.',
  save: 'Vista val',
  close: 'Loka',
  preferencesTitle: 'Persónuverndarstillingar',
  preferencesDescription:
    'Leyfðu hvern tilgang og hvert fyrirtæki fyrir sig. Ekkert er virkt fyrr en þú kveikir á því.',
  alwaysOn: 'Alltaf virkt. ',
  gpc: 'Óvirkt: vafrinn þinn sendi Global Privacy Control. ',
  vendors: 'Fyrirtæki',
  cookies: 'Vafrakökur: ',
  privacyOf: (name) => `Persónuverndarstefna: ${name}`,
  consentId: 'Samþykkisauðkenni þitt: ',
  record: 'Skráning samþykkis þíns',
  allow: (name) => `Leyfa ${name}`,
  allowsAlso: (purposes) => `Þar með leyfir þú einnig: ${purposes}.`,
  privacyChoices: 'Persónuverndarval þitt',
  noticeTitle: 'Hvernig við notum upplýsingar um þig',
  noticeDescription:
    'Við notum vafrakökur og svipaða tækni og sendum upplýsingar um heimsókn þína til annarra fyrirtækja. Tengillinn hér fyrir neðan sýnir hvað er sent, hverjum og hvers vegna; þú getur slökkt á hverju sem er af því í stillingunum.',
  disclosure: 'Hvað við sendum og hverjum',
  ok: 'Ég skil',
} satisfies LanguageTexts
