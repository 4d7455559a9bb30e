// A module of its own so the admin's picker and labels can use the list without the catalog's schema.
/** The catalog's groups, in the order the admin's picker shows them. */
export const CATALOG_CATEGORIES = [
  'analytics',
  'advertising',
  'affiliate',
  'marketing',
  'embed',
  'tag-manager',
  'security',
] as const

export type CatalogCategory = (typeof CATALOG_CATEGORIES)[number]
