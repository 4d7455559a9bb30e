/**
 * The opt-out regions' link text (src/ui/fab.ts): English and Japanese travel in the floating button's chunk,
 * the other languages' in their language chunk. A site's own (`texts.<lang>.privacyChoices`) wins: US sites
 * may write "Do Not Sell or Share My Personal Information".
 */
const EN = { privacyChoices: 'Your privacy choices' }

export type PrivacyChoicesTexts = typeof EN

const JA: PrivacyChoicesTexts = { privacyChoices: 'プライバシーに関する選択' }

/** The link's text for `lang`: Japanese, else English. */
export const privacyChoicesTexts = (lang: string): PrivacyChoicesTexts => (lang.startsWith('ja') ? JA : EN)
