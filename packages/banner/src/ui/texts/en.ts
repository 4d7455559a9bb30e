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

/** The texts of the first layer. */
export type FirstLayerTexts = typeof EN
