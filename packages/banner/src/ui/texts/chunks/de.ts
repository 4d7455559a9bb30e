import type { LanguageTexts } from '../index.ts'

/** German (formal "Sie"). */
export default {
  title: 'Ihre Entscheidung zum Datenschutz',
  description:
    'Wir verwenden Cookies und übermitteln Informationen für die unten genannten Zwecke an andere Unternehmen. Wählen Sie, was Sie erlauben; Sie können Ihre Auswahl jederzeit ändern.',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  customize: 'Anpassen',
  privacyPolicy: 'Datenschutzerklärung',
  vendorList: 'Unternehmen, mit denen wir zusammenarbeiten',
  saved: 'Ihre Auswahl wurde gespeichert.',
  save: 'Auswahl speichern',
  close: 'Schließen',
  preferencesTitle: 'Datenschutzeinstellungen',
  preferencesDescription:
    'Erlauben Sie jeden Zweck und jedes Unternehmen einzeln. Nichts ist aktiv, bis Sie es einschalten.',
  alwaysOn: 'Immer aktiv. ',
  gpc: 'Aus: Ihr Browser hat Global Privacy Control gesendet. ',
  vendors: 'Unternehmen',
  cookies: 'Cookies: ',
  privacyOf: (name) => `Datenschutzerklärung von ${name}`,
  consentId: 'Ihre Einwilligungs-ID: ',
  record: 'Ihr Einwilligungsnachweis',
  allow: (name) => `${name} erlauben`,
  allowsAlso: (purposes) => `Damit erlauben Sie auch: ${purposes}.`,
  privacyChoices: 'Ihre Datenschutzoptionen',
  noticeTitle: 'Wie wir Ihre Daten verwenden',
  noticeDescription:
    'Wir verwenden Cookies und ähnliche Technologien und übermitteln Informationen über Ihren Besuch an andere Unternehmen. Unter dem Link unten erfahren Sie, was an wen und wozu übermittelt wird; in den Einstellungen können Sie jede Übermittlung abschalten.',
  disclosure: 'Was wir an wen übermitteln',
  ok: 'Verstanden',
} satisfies LanguageTexts
