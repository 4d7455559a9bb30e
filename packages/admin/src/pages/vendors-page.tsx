import { useSignal } from '@preact/signals'
import type { CatalogVendor } from '@torii/schema/vendor-catalog'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { VendorCatalog } from '../components/vendor-catalog/index.tsx'
import { VendorList } from '../components/vendor-list/index.tsx'
import { t } from '../i18n/index.ts'
import { addPresetVendor, newVendor } from '../lib/draft-ops.ts'
import { localText } from '../lib/local-text.ts'
import { siteModel } from '../models/site.ts'

/** The draft's vendors, the catalog of presets, and custom vendors. */
export default function VendorsPage({ siteId }: { siteId: string }) {
  const message = useSignal('')
  const openIndex = useSignal<number | null>(null)
  const draft = siteModel.draft.value
  const readOnly = !siteModel.canEdit.value

  function addPreset(preset: CatalogVendor, purposeKey: string) {
    siteModel.edit((config) => addPresetVendor(config, preset, purposeKey))
    const purpose = draft?.purposes.find((item) => item.key === purposeKey)
    message.value = t('vendors.added', {
      name: preset.name,
      purpose: localText(purpose?.name, draft!.defaultLanguage, purposeKey),
    })
  }

  function addCustom() {
    if (!draft) return
    const purpose = draft.purposes.find((item) => !item.required)?.key ?? draft.purposes[0]?.key ?? ''
    openIndex.value = draft.vendors.length
    siteModel.edit((config) => ({ ...config, vendors: [...config.vendors, newVendor(config, purpose)] }))
  }

  return (
    <SiteFrame siteId={siteId} section="vendors" editsDraft>
      <p>{t('vendors.intro')}</p>
      {draft && (
        <>
          <VendorList
            config={draft}
            errors={siteModel.errors.value}
            readOnly={readOnly}
            openIndex={openIndex.value}
            onChange={(config) => siteModel.edit(() => config)}
          />
          {!readOnly && (
            <button type="button" onClick={addCustom}>
              {t('vendors.custom')}
            </button>
          )}
          <p role="status" class="status-message">
            {message.value}
          </p>
          {!readOnly && (
            <section aria-labelledby="catalog-title">
              <h2 id="catalog-title">{t('vendors.catalog')}</h2>
              <p>{t('vendors.catalogIntro')}</p>
              <VendorCatalog config={draft} onAdd={addPreset} />
            </section>
          )}
        </>
      )}
    </SiteFrame>
  )
}
