import type { LanguageTexts } from '../index.ts'

/** Irish. */
export default {
  title: 'Do roghanna príobháideachais',
  description:
    'Úsáidimid fianáin agus seolaimid faisnéis chuig cuideachtaí eile chun na gcríoch atá luaite thíos. Roghnaigh cad a cheadaíonn tú; is féidir leat é a athrú am ar bith.',
  acceptAll: 'Glac le gach rud',
  rejectAll: 'Diúltaigh do gach rud',
  customize: 'Saincheap',
  privacyPolicy: 'Beartas príobháideachais',
  vendorList: 'Cuideachtaí a n-oibrímid leo',
  saved: 'Sábháladh do roghanna.',
  save: 'Sábháil na roghanna',
  close: 'Dún',
  preferencesTitle: 'Socruithe príobháideachais',
  preferencesDescription:
    'Ceadaigh gach cuspóir agus gach cuideachta ar leith. Níl aon rud ar siúl go dtí go gcuireann tú ar siúl é.',
  alwaysOn: 'Ar siúl i gcónaí. ',
  gpc: 'As: sheol do bhrabhsálaí Global Privacy Control. ',
  vendors: 'Cuideachtaí',
  cookies: 'Fianáin: ',
  privacyOf: (name) => `Beartas príobháideachais: ${name}`,
  consentId: 'D’aitheantas toilithe: ',
  record: 'Taifead do thoilithe',
  allow: (name) => `Ceadaigh ${name}`,
  allowsAlso: (purposes) => `Má cheadaíonn tú é, ceadaíonn tú freisin: ${purposes}.`,
  privacyChoices: 'Do roghanna príobháideachais',
  noticeTitle: 'Conas a úsáidimid d’fhaisnéis',
  noticeDescription:
    'Úsáidimid fianáin agus teicneolaíochtaí den chineál céanna, agus seolaimid faisnéis faoi do chuairt chuig cuideachtaí eile. Taispeánann an nasc thíos cad a sheoltar, cé chuige agus cén fáth; is féidir leat aon chuid de a mhúchadh sna socruithe.',
  disclosure: 'Cad a sheolaimid, agus cé chuige',
  ok: 'Tuigim',
} satisfies LanguageTexts
