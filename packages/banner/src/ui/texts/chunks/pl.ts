import type { LanguageTexts } from '../index.ts'

/** Polish. */
export default {
  title: 'Twoje wybory dotyczące prywatności',
  description:
    'Używamy plików cookie i przekazujemy informacje innym firmom w celach opisanych poniżej. Wybierz, na co się zgadzasz; możesz to zmienić w dowolnym momencie.',
  acceptAll: 'Akceptuj wszystkie',
  rejectAll: 'Odrzuć wszystkie',
  customize: 'Dostosuj',
  privacyPolicy: 'Polityka prywatności',
  vendorList: 'Firmy, z którymi współpracujemy',
  saved: 'Twoje wybory zostały zapisane.',
  save: 'Zapisz wybory',
  close: 'Zamknij',
  preferencesTitle: 'Ustawienia prywatności',
  preferencesDescription:
    'Zezwól na każdy cel i każdą firmę osobno. Nic nie jest włączone, dopóki tego nie włączysz.',
  alwaysOn: 'Zawsze włączone. ',
  gpc: 'Wyłączone: Twoja przeglądarka wysłała sygnał Global Privacy Control. ',
  vendors: 'Firmy',
  cookies: 'Pliki cookie: ',
  privacyOf: (name) => `Polityka prywatności: ${name}`,
  consentId: 'Twój identyfikator zgody: ',
  record: 'Zapis Twojej zgody',
  allow: (name) => `Zezwól: ${name}`,
  allowsAlso: (purposes) => `Zezwalając, zgadzasz się też na: ${purposes}.`,
  privacyChoices: 'Twoje wybory dotyczące prywatności',
  noticeTitle: 'Jak wykorzystujemy Twoje informacje',
  noticeDescription:
    'Używamy plików cookie i podobnych technologii oraz przekazujemy informacje o Twojej wizycie innym firmom. Pod linkiem poniżej sprawdzisz, co jest przekazywane, komu i w jakim celu; w ustawieniach możesz wyłączyć każde z tych przekazań.',
  disclosure: 'Co i komu przekazujemy',
  ok: 'Rozumiem',
} satisfies LanguageTexts
