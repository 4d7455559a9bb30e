import type { LanguageTexts } from '../index.ts'

/** Spanish (formal "usted"). */
export default {
  title: 'Sus opciones de privacidad',
  description:
    'Utilizamos cookies y enviamos información a otras empresas para los fines indicados a continuación. Elija lo que permite; puede cambiarlo en cualquier momento.',
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rechazar todo',
  customize: 'Personalizar',
  privacyPolicy: 'Política de privacidad',
  vendorList: 'Empresas con las que trabajamos',
  saved: 'Sus opciones se han guardado.',
  save: 'Guardar opciones',
  close: 'Cerrar',
  preferencesTitle: 'Preferencias de privacidad',
  preferencesDescription:
    'Permita cada finalidad y cada empresa por separado. Nada se activa hasta que usted lo active.',
  alwaysOn: 'Siempre activo. ',
  gpc: 'Desactivado: su navegador envió Global Privacy Control. ',
  vendors: 'Empresas',
  cookies: 'Cookies: ',
  privacyOf: (name) => `Política de privacidad de ${name}`,
  consentId: 'Su ID de consentimiento: ',
  record: 'Su registro de consentimiento',
  allow: (name) => `Permitir ${name}`,
  allowsAlso: (purposes) => `Al permitirlo, también permite: ${purposes}.`,
  privacyChoices: 'Sus opciones de privacidad',
  noticeTitle: 'Cómo usamos su información',
  noticeDescription:
    'Utilizamos cookies y tecnologías similares y enviamos información sobre su visita a otras empresas. En el enlace de abajo puede ver qué se envía, a quién y por qué; puede desactivar cualquier envío en las preferencias.',
  disclosure: 'Qué enviamos y a quién',
  ok: 'Entendido',
} satisfies LanguageTexts
