import type { LanguageTexts } from '../index.ts'

/** French (formal "vous"; no-break space before : and ;). */
export default {
  title: 'Vos choix en matière de confidentialité',
  description:
    'Nous utilisons des cookies et transmettons des informations à d’autres entreprises pour les finalités ci-dessous. Choisissez ce que vous autorisez\u00a0; vous pouvez modifier votre choix à tout moment.',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  customize: 'Personnaliser',
  privacyPolicy: 'Politique de confidentialité',
  vendorList: 'Entreprises avec lesquelles nous travaillons',
  saved: 'Vos choix ont été enregistrés.',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  preferencesTitle: 'Préférences de confidentialité',
  preferencesDescription:
    'Autorisez chaque finalité et chaque entreprise séparément. Rien n’est activé tant que vous ne l’activez pas.',
  alwaysOn: 'Toujours activé. ',
  gpc: 'Désactivé\u00a0: votre navigateur a envoyé le signal Global Privacy Control. ',
  vendors: 'Entreprises',
  cookies: 'Cookies\u00a0: ',
  privacyOf: (name) => `Politique de confidentialité de ${name}`,
  consentId: 'Votre identifiant de consentement\u00a0: ',
  record: 'La preuve de votre consentement',
  allow: (name) => `Autoriser ${name}`,
  allowsAlso: (purposes) => `Vous autorisez ainsi également\u00a0: ${purposes}.`,
  privacyChoices: 'Vos choix en matière de confidentialité',
  noticeTitle: 'Comment nous utilisons vos informations',
  noticeDescription:
    'Nous utilisons des cookies et des technologies similaires, et transmettons des informations sur votre visite à d’autres entreprises. Le lien ci-dessous indique ce qui est transmis, à qui et pourquoi\u00a0; vous pouvez désactiver chaque transmission dans les préférences.',
  disclosure: 'Ce que nous transmettons, et à qui',
  ok: 'J’ai compris',
} satisfies LanguageTexts
