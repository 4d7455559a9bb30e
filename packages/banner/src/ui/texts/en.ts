/**
 * Built-in English texts of the first layer; a site's own texts (config `texts.en`) override them key by
 * key. The dialog's are in dialog.ts, in the preferences chunk.
 */
export const EN = {
  title: 'Your privacy choices',
  description:
    'We use cookies and send information to other companies for the purposes below. Choose what you allow; you can change it at any time.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  privacyPolicy: 'Privacy policy',
  vendorList: 'Companies we work with',
  saved: 'Your choices have been saved.',
}

/** The texts of the first layer, and a site's own texts for the dialog (dialog.ts has their defaults). */
export type Texts = typeof EN &
  Partial<Record<'save' | 'close' | 'preferencesTitle' | 'preferencesDescription', string>>
