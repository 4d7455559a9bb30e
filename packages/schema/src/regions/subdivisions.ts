/**
 * ISO 3166-2 subdivision codes Torii knows, for the countries whose visitors a site is likely to treat by
 * subdivision. A rule may name only these. From a CDN header, a subdivision of these countries is kept only
 * when listed here; of any other country, any well-formed code is kept (and recorded), though no rule names it.
 *
 * Source: ISO 3166 Maintenance Agency, Online Browsing Platform, ISO 3166-2:US, ISO 3166-2:CA, ISO 3166-2:JP
 * (https://www.iso.org/obp/ui/#iso:code:3166:US, ...:CA, ...:JP), written out on 2026-12-06. These lists are
 * long stable (the last change among them: `CA-NL` replaced `CA-NF` in 2002); the tests count them
 * (57, 13, 47).
 * - US: the 50 states, the District of Columbia, and the six outlying areas. The outlying areas also have their
 *   own ISO 3166-1 codes (`PR`, `GU`, `VI`, `AS`, `MP`, `UM`), and a CDN usually reports a visitor there by those,
 *   as a country, not as `US-PR`: a rule for `US` does not cover them.
 * - CA: the 10 provinces and 3 territories.
 * - JP: the 47 prefectures, `JP-01` (Hokkaido) to `JP-47` (Okinawa).
 */
export const SUBDIVISION_CODES: Readonly<Record<string, readonly string[]>> = {
  // biome-ignore format: a data table
  US: [
    'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY',
    'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND',
    'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
    // District of Columbia
    'DC',
    // Outlying areas: American Samoa, Guam, Northern Mariana Islands, Puerto Rico, Minor Outlying Islands, Virgin Islands
    'AS', 'GU', 'MP', 'PR', 'UM', 'VI',
  ],
  // Provinces, then territories (Northwest Territories, Nunavut, Yukon).
  CA: ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'ON', 'PE', 'QC', 'SK', 'NT', 'NU', 'YT'],
  // Prefectures 01 (Hokkaido) to 47 (Okinawa).
  JP: Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')),
}
