import { useSignal } from '@preact/signals'
import type { SiteConfig } from '@torii/schema'
import type { CatalogCategory, CatalogVendor } from '@torii/schema/vendor-catalog'
import { useEffect, useId } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import { groupByCategory, searchCatalog } from '../../lib/catalog-search.ts'
import { loadVendorCatalog, vendorCatalog } from '../../models/vendor-catalog.ts'
import { CatalogItem } from './catalog-item.tsx'

export interface VendorCatalogProps {
  config: SiteConfig
  onAdd: (preset: CatalogVendor, purposeKey: string) => void
  /** The presets to offer; by default the vendor catalog, loaded on first use. */
  catalog?: CatalogVendor[]
  disabled?: boolean
}

const categoryLabel = (category: CatalogCategory) => t(`vendors.category.${category}`)

function CatalogPicker({
  config,
  onAdd,
  catalog,
  disabled,
}: VendorCatalogProps & { catalog: CatalogVendor[] }) {
  const searchId = useId()
  const query = useSignal('')
  const found = searchCatalog(catalog, query.value, categoryLabel)
  return (
    <div class="catalog-picker">
      <label for={searchId}>{t('vendors.catalogSearch')}</label>
      <input
        id={searchId}
        type="search"
        value={query.value}
        aria-describedby={`${searchId}-hint`}
        onInput={(event) => (query.value = event.currentTarget.value)}
      />
      <p id={`${searchId}-hint`} class="hint">
        {t('vendors.catalogSearchHint')}
      </p>
      <p role="status" class="catalog-count">
        {found.length === 0
          ? t('vendors.catalogNone', { query: query.value.trim() })
          : t('vendors.catalogCount', { count: found.length, total: catalog.length })}
      </p>
      {groupByCategory(found).map((group) => (
        <section key={group.category} aria-labelledby={`${searchId}-${group.category}`} class="catalog-group">
          <h3 id={`${searchId}-${group.category}`}>{categoryLabel(group.category)}</h3>
          <ul class="catalog">
            {group.entries.map((preset) => (
              <CatalogItem
                key={preset.key}
                preset={preset}
                config={config}
                onAdd={onAdd}
                disabled={disabled}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

/** The vendor presets, searchable and grouped by category, each addable to a purpose of the site with one click. */
export function VendorCatalog({ catalog, ...props }: VendorCatalogProps) {
  useEffect(() => {
    if (!catalog) void loadVendorCatalog()
  }, [catalog])
  if (catalog) return <CatalogPicker {...props} catalog={catalog} />
  const state = vendorCatalog.value
  if (state.status === 'ready') return <CatalogPicker {...props} catalog={state.catalog} />
  if (state.status === 'failed') {
    return (
      <div role="alert">
        <p>{t('vendors.catalogFailed', { message: state.message })}</p>
        <button type="button" onClick={() => void loadVendorCatalog()}>
          {t('app.retry')}
        </button>
      </div>
    )
  }
  return (
    <p role="status" class="loading">
      {t('vendors.catalogLoading')}
    </p>
  )
}
