import type { LanguageTexts } from '../index.ts'

/** Latvian (formal "jūs"). */
export default {
  title: 'Jūsu privātuma izvēles',
  description:
    'Mēs izmantojam sīkdatnes un nosūtām informāciju citiem uzņēmumiem tālāk norādītajiem nolūkiem. Izvēlieties, ko atļaujat; to var mainīt jebkurā laikā.',
  acceptAll: 'Pieņemt visu',
  rejectAll: 'Noraidīt visu',
  customize: 'Pielāgot',
  privacyPolicy: 'Privātuma politika',
  vendorList: 'Uzņēmumi, ar kuriem sadarbojamies',
  saved: 'Jūsu izvēle ir saglabāta.',
  save: 'Saglabāt izvēli',
  close: 'Aizvērt',
  preferencesTitle: 'Privātuma iestatījumi',
  preferencesDescription:
    'Atļaujiet katru nolūku un katru uzņēmumu atsevišķi. Nekas nav ieslēgts, kamēr jūs to neieslēdzat.',
  alwaysOn: 'Vienmēr ieslēgts. ',
  gpc: 'Izslēgts: jūsu pārlūks nosūtīja Global Privacy Control signālu. ',
  vendors: 'Uzņēmumi',
  cookies: 'Sīkdatnes: ',
  privacyOf: (name) => `Privātuma politika: ${name}`,
  consentId: 'Jūsu piekrišanas ID: ',
  record: 'Jūsu piekrišanas ieraksts',
  allow: (name) => `Atļaut ${name}`,
  allowsAlso: (purposes) => `Tādējādi jūs atļaujat arī: ${purposes}.`,
  privacyChoices: 'Jūsu privātuma izvēles',
  noticeTitle: 'Kā mēs izmantojam jūsu informāciju',
  noticeDescription:
    'Mēs izmantojam sīkdatnes un līdzīgas tehnoloģijas un nosūtām informāciju par jūsu apmeklējumu citiem uzņēmumiem. Tālāk esošajā saitē redzams, kas, kam un kāpēc tiek nosūtīts; jebko no tā varat izslēgt iestatījumos.',
  disclosure: 'Ko un kam mēs nosūtām',
  ok: 'Sapratu',
} satisfies LanguageTexts
