import type { LanguageTexts } from '../index.ts'

/** Greek (formal plural). */
export default {
  title: 'Οι επιλογές σας για το απόρρητο',
  description:
    'Χρησιμοποιούμε cookies και στέλνουμε πληροφορίες σε άλλες εταιρείες για τους παρακάτω σκοπούς. Επιλέξτε τι επιτρέπετε· μπορείτε να το αλλάξετε οποιαδήποτε στιγμή.',
  acceptAll: 'Αποδοχή όλων',
  rejectAll: 'Απόρριψη όλων',
  customize: 'Προσαρμογή',
  privacyPolicy: 'Πολιτική απορρήτου',
  vendorList: 'Εταιρείες με τις οποίες συνεργαζόμαστε',
  saved: 'Οι επιλογές σας αποθηκεύτηκαν.',
  save: 'Αποθήκευση επιλογών',
  close: 'Κλείσιμο',
  preferencesTitle: 'Προτιμήσεις απορρήτου',
  preferencesDescription:
    'Επιτρέψτε κάθε σκοπό και κάθε εταιρεία ξεχωριστά. Τίποτα δεν είναι ενεργό μέχρι να το ενεργοποιήσετε.',
  alwaysOn: 'Πάντα ενεργό. ',
  gpc: 'Ανενεργό: το πρόγραμμα περιήγησής σας έστειλε Global Privacy Control. ',
  vendors: 'Εταιρείες',
  cookies: 'Cookies: ',
  privacyOf: (name) => `Πολιτική απορρήτου: ${name}`,
  consentId: 'Το αναγνωριστικό συγκατάθεσής σας: ',
  record: 'Η καταγραφή της συγκατάθεσής σας',
  allow: (name) => `Να επιτρέπεται: ${name}`,
  allowsAlso: (purposes) => `Έτσι επιτρέπετε επίσης: ${purposes}.`,
} satisfies LanguageTexts
