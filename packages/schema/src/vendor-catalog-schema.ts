import { z } from 'zod'
import { CATALOG_CATEGORIES } from './catalog-category.ts'
import { CONSENT_TYPES } from './consent-mode.ts'
import { hostSchema, httpUrlSchema, vendorSchema } from './site-config.ts'

export { CATALOG_CATEGORIES, type CatalogCategory } from './catalog-category.ts'

/** Every disclosure text of a catalog entry is written in these languages. */
export const CATALOG_LANGUAGES = ['ja', 'en'] as const

/** A catalog entry: a full vendor (its `purposes` are the suggestion) plus what the catalog alone needs. */
export const catalogVendorSchema = vendorSchema
  .extend({
    hosts: z.array(hostSchema).min(1, 'a catalog entry needs at least one URL pattern'),
    category: z.enum(CATALOG_CATEGORIES),
    /** The Consent Mode types a Google tag of this vendor reads; only Google's tags have them. */
    consentTypes: z.array(z.enum(CONSENT_TYPES)).min(1).optional(),
    /** The vendor's own documentation the entry was taken from. */
    source: z.array(httpUrlSchema).min(1, 'name the vendor documentation the entry was taken from'),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const texts: [(string | number)[], Record<string, string>][] = [
      [['recipient'], entry.recipient],
      [['dataSent'], entry.dataSent],
      [['use'], entry.use],
      ...entry.cookies.flatMap((cookie, i): [(string | number)[], Record<string, string>][] => [
        [['cookies', i, 'retention'], cookie.retention],
        [['cookies', i, 'description'], cookie.description],
      ]),
    ]
    for (const [path, text] of texts) {
      for (const language of CATALOG_LANGUAGES) {
        if (!text[language]?.trim()) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, language],
            message: 'is required in every catalog language',
          })
        }
      }
    }
  })

/** A vendor preset of the catalog, as the admin and the scanner use it. */
export type CatalogVendor = z.infer<typeof catalogVendorSchema>

/**
 * Validates the catalog's data files (name → parsed JSON) and joins them in the order given.
 * Throws an error naming the file, the entry and the field on the first file that is wrong, or on a key used twice.
 */
export function parseCatalogFiles(files: Record<string, unknown>): CatalogVendor[] {
  const catalog: CatalogVendor[] = []
  const fileOfKey = new Map<string, string>()
  for (const [file, data] of Object.entries(files)) {
    const result = z.array(catalogVendorSchema).safeParse(data)
    if (!result.success) {
      throw new Error(`vendor catalog ${file}.json is not valid:\n${z.prettifyError(result.error)}`)
    }
    for (const entry of result.data) {
      const other = fileOfKey.get(entry.key)
      if (other)
        throw new Error(`vendor catalog: key "${entry.key}" is in both ${other}.json and ${file}.json`)
      fileOfKey.set(entry.key, file)
      catalog.push(entry)
    }
  }
  return catalog
}
