import type { LanguageTexts } from '../index.ts'

/** Italian. */
export default {
  title: 'Le tue scelte sulla privacy',
  description:
    'Utilizziamo cookie e inviamo informazioni ad altre aziende per le finalità indicate di seguito. Scegli cosa consentire; puoi modificare la scelta in qualsiasi momento.',
  acceptAll: 'Accetta tutto',
  rejectAll: 'Rifiuta tutto',
  customize: 'Personalizza',
  privacyPolicy: 'Informativa sulla privacy',
  vendorList: 'Aziende con cui collaboriamo',
  saved: 'Le tue scelte sono state salvate.',
  save: 'Salva le scelte',
  close: 'Chiudi',
  preferencesTitle: 'Preferenze sulla privacy',
  preferencesDescription:
    'Consenti ogni finalità e ogni azienda separatamente. Nulla è attivo finché non lo attivi tu.',
  alwaysOn: 'Sempre attivo. ',
  gpc: 'Disattivato: il tuo browser ha inviato Global Privacy Control. ',
  vendors: 'Aziende',
  cookies: 'Cookie: ',
  privacyOf: (name) => `Informativa sulla privacy di ${name}`,
  consentId: 'Il tuo ID di consenso: ',
  record: 'La registrazione del tuo consenso',
  allow: (name) => `Consenti ${name}`,
  allowsAlso: (purposes) => `Così consenti anche: ${purposes}.`,
  privacyChoices: 'Le tue scelte sulla privacy',
  noticeTitle: 'Come usiamo le tue informazioni',
  noticeDescription:
    'Utilizziamo cookie e tecnologie simili e inviamo informazioni sulla tua visita ad altre aziende. Il link qui sotto spiega cosa viene inviato, a chi e perché; puoi disattivare qualsiasi invio nelle preferenze.',
  disclosure: 'Cosa inviamo e a chi',
  ok: 'Ho capito',
} satisfies LanguageTexts
