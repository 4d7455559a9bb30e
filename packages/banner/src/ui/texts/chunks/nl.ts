import type { LanguageTexts } from '../index.ts'

/** Dutch (formal "u"). */
export default {
  title: 'Uw privacykeuzes',
  description:
    'Wij gebruiken cookies en sturen informatie naar andere bedrijven voor de onderstaande doeleinden. Kies wat u toestaat; u kunt dit altijd wijzigen.',
  acceptAll: 'Alles accepteren',
  rejectAll: 'Alles weigeren',
  customize: 'Aanpassen',
  privacyPolicy: 'Privacybeleid',
  vendorList: 'Bedrijven waarmee wij samenwerken',
  saved: 'Uw keuzes zijn opgeslagen.',
  save: 'Keuzes opslaan',
  close: 'Sluiten',
  preferencesTitle: 'Privacyvoorkeuren',
  preferencesDescription:
    'Sta elk doel en elk bedrijf afzonderlijk toe. Niets staat aan totdat u het aanzet.',
  alwaysOn: 'Altijd aan. ',
  gpc: 'Uit: uw browser heeft Global Privacy Control verzonden. ',
  vendors: 'Bedrijven',
  cookies: 'Cookies: ',
  privacyOf: (name) => `Privacybeleid van ${name}`,
  consentId: 'Uw toestemmings-ID: ',
  record: 'Uw toestemmingsregistratie',
  allow: (name) => `${name} toestaan`,
  allowsAlso: (purposes) => `Daarmee staat u ook toe: ${purposes}.`,
  privacyChoices: 'Uw privacykeuzes',
  noticeTitle: 'Hoe wij uw gegevens gebruiken',
  noticeDescription:
    'Wij gebruiken cookies en vergelijkbare technieken en sturen informatie over uw bezoek naar andere bedrijven. Via de link hieronder ziet u wat er wordt verstuurd, aan wie en waarom; in de voorkeuren kunt u elk onderdeel uitzetten.',
  disclosure: 'Wat wij versturen, en aan wie',
  ok: 'Begrepen',
} satisfies LanguageTexts
