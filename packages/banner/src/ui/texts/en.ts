/** Built-in English texts; a site's own texts (config `texts.en`) override them key by key. */
export const EN = {
  title: 'Your privacy choices',
  description:
    'We use cookies and send information to other companies for the purposes below. Choose what you allow; you can change it at any time.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  save: 'Save choices',
  close: 'Close',
  preferencesTitle: 'Privacy preferences',
  preferencesDescription:
    'Allow each purpose and each company separately. Nothing is on until you turn it on.',
  privacyPolicy: 'Privacy policy',
  vendorList: 'Companies we work with',
  alwaysOn: 'Always on',
  vendors: 'Companies',
  cookies: 'Cookies',
  privacyOf: 'Privacy policy of',
  saved: 'Your choices have been saved.',
  gpc: 'Off: your browser sent Global Privacy Control.',
}

export type Texts = typeof EN
