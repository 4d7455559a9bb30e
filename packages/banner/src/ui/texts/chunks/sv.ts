import type { LanguageTexts } from '../index.ts'

/** Swedish. */
export default {
  title: 'Dina integritetsval',
  description:
    'Vi använder cookies och skickar information till andra företag för de ändamål som anges nedan. Välj vad du tillåter; du kan ändra det när som helst.',
  acceptAll: 'Acceptera alla',
  rejectAll: 'Avvisa alla',
  customize: 'Anpassa',
  privacyPolicy: 'Integritetspolicy',
  vendorList: 'Företag vi samarbetar med',
  saved: 'Dina val har sparats.',
  save: 'Spara val',
  close: 'Stäng',
  preferencesTitle: 'Integritetsinställningar',
  preferencesDescription:
    'Tillåt varje ändamål och varje företag separat. Ingenting är på förrän du slår på det.',
  alwaysOn: 'Alltid på. ',
  gpc: 'Av: din webbläsare skickade Global Privacy Control. ',
  vendors: 'Företag',
  cookies: 'Cookies: ',
  privacyOf: (name) => `Integritetspolicy för ${name}`,
  consentId: 'Ditt samtyckes-ID: ',
  record: 'Registreringen av ditt samtycke',
  allow: (name) => `Tillåt ${name}`,
  allowsAlso: (purposes) => `Då tillåter du även: ${purposes}.`,
  privacyChoices: 'Dina integritetsval',
  noticeTitle: 'Så använder vi dina uppgifter',
  noticeDescription:
    'Vi använder cookies och liknande tekniker och skickar information om ditt besök till andra företag. Länken nedan visar vad som skickas, till vem och varför; du kan stänga av vad som helst av det i inställningarna.',
  disclosure: 'Vad vi skickar, och till vem',
  ok: 'Jag förstår',
} satisfies LanguageTexts
