import type { LanguageTexts } from '../index.ts'

/** Romanian (formal "dumneavoastră"). */
export default {
  title: 'Opțiunile dumneavoastră de confidențialitate',
  description:
    'Folosim cookie-uri și trimitem informații altor companii în scopurile de mai jos. Alegeți ce permiteți; puteți modifica oricând alegerea.',
  acceptAll: 'Acceptă tot',
  rejectAll: 'Respinge tot',
  customize: 'Personalizează',
  privacyPolicy: 'Politica de confidențialitate',
  vendorList: 'Companiile cu care colaborăm',
  saved: 'Opțiunile dumneavoastră au fost salvate.',
  save: 'Salvează opțiunile',
  close: 'Închide',
  preferencesTitle: 'Preferințe de confidențialitate',
  preferencesDescription:
    'Permiteți fiecare scop și fiecare companie separat. Nimic nu este activat până când nu îl activați.',
  alwaysOn: 'Întotdeauna activ. ',
  gpc: 'Dezactivat: browserul dumneavoastră a trimis semnalul Global Privacy Control. ',
  vendors: 'Companii',
  cookies: 'Cookie-uri: ',
  privacyOf: (name) => `Politica de confidențialitate: ${name}`,
  consentId: 'ID-ul consimțământului dumneavoastră: ',
  record: 'Înregistrarea consimțământului dumneavoastră',
  allow: (name) => `Permite ${name}`,
  allowsAlso: (purposes) => `Astfel permiteți și: ${purposes}.`,
  privacyChoices: 'Opțiunile dumneavoastră de confidențialitate',
  noticeTitle: 'Cum folosim informațiile dumneavoastră',
  noticeDescription:
    'Folosim cookie-uri și tehnologii similare și trimitem informații despre vizita dumneavoastră altor companii. Linkul de mai jos arată ce se trimite, cui și de ce; puteți dezactiva oricare dintre acestea din preferințe.',
  disclosure: 'Ce trimitem și cui',
  ok: 'Am înțeles',
} satisfies LanguageTexts
