import { CATALOG_CATEGORIES } from '@torii/schema/catalog-category'
import type { CatalogCategory, CatalogVendor } from '@torii/schema/vendor-catalog'

/** Folds width and case, so "ＬＩＮＥ" finds "LINE" and "Yahoo" finds "yahoo". */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/**
 * The entries whose name, key, category (key or label) or a URL pattern contains every word of `query`;
 * all of them for an empty query.
 */
export function searchCatalog(
  catalog: CatalogVendor[],
  query: string,
  categoryLabel: (category: CatalogCategory) => string
): CatalogVendor[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return catalog
  return catalog.filter((entry) => {
    const haystack = fold(
      [entry.name, entry.key, entry.category, categoryLabel(entry.category), ...entry.hosts].join(' ')
    )
    return words.every((word) => haystack.includes(word))
  })
}

/** Entries by category, in the catalog's category order; empty categories are left out. */
export function groupByCategory(
  entries: CatalogVendor[]
): { category: CatalogCategory; entries: CatalogVendor[] }[] {
  return CATALOG_CATEGORIES.map((category) => ({
    category,
    entries: entries.filter((entry) => entry.category === category),
  })).filter((group) => group.entries.length > 0)
}
