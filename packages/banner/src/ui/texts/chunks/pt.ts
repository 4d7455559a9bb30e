import type { LanguageTexts } from '../index.ts'

/** Portuguese (for Portugal and Brazil: no "você", verbs in the third person). */
export default {
  title: 'As suas escolhas de privacidade',
  description:
    'Utilizamos cookies e enviamos informações a outras empresas para as finalidades abaixo. Escolha o que permite; pode alterar a sua escolha a qualquer momento.',
  acceptAll: 'Aceitar tudo',
  rejectAll: 'Rejeitar tudo',
  customize: 'Personalizar',
  privacyPolicy: 'Política de privacidade',
  vendorList: 'Empresas com que trabalhamos',
  saved: 'As suas escolhas foram guardadas.',
  save: 'Guardar escolhas',
  close: 'Fechar',
  preferencesTitle: 'Preferências de privacidade',
  preferencesDescription:
    'Permita cada finalidade e cada empresa separadamente. Nada fica ativo até que o ative.',
  alwaysOn: 'Sempre ativo. ',
  gpc: 'Desativado: o seu navegador enviou Global Privacy Control. ',
  vendors: 'Empresas',
  cookies: 'Cookies: ',
  privacyOf: (name) => `Política de privacidade de ${name}`,
  consentId: 'O seu ID de consentimento: ',
  record: 'O registo do seu consentimento',
  allow: (name) => `Permitir ${name}`,
  allowsAlso: (purposes) => `Ao permitir, permite também: ${purposes}.`,
  privacyChoices: 'As suas escolhas de privacidade',
  noticeTitle: 'Como utilizamos as suas informações',
  noticeDescription:
    'Utilizamos cookies e tecnologias semelhantes e enviamos informações sobre a sua visita a outras empresas. O link abaixo indica o que é enviado, a quem e porquê; pode desativar qualquer envio nas preferências.',
  disclosure: 'O que enviamos e a quem',
  ok: 'Entendido',
} satisfies LanguageTexts
