import { useSignal } from '@preact/signals'
import type { SiteConfig, Vendor } from '@torii/schema'
import type { FieldErrors } from '../../api/index.ts'
import { t } from '../../i18n/index.ts'
import { errorsUnder } from '../../lib/field-errors.ts'
import { localText } from '../../lib/local-text.ts'
import { VendorEditor } from '../vendor-editor/index.tsx'

export interface VendorListProps {
  config: SiteConfig
  errors: FieldErrors
  onChange: (config: SiteConfig) => void
  readOnly?: boolean
  /** Index of a vendor to open (e.g. one just added). */
  openIndex?: number | null
}

/** The site's vendors as rows with their purposes; each opens its editor in place. */
export function VendorList({ config, errors, onChange, readOnly, openIndex }: VendorListProps) {
  const open = useSignal<number | null>(null)
  const current = open.value ?? openIndex ?? null
  const update = (index: number, vendor: Vendor) =>
    onChange({ ...config, vendors: config.vendors.map((item, i) => (i === index ? vendor : item)) })
  const purposeName = (key: string) =>
    localText(config.purposes.find((purpose) => purpose.key === key)?.name, config.defaultLanguage, key)
  if (config.vendors.length === 0) return <p>{t('vendors.none')}</p>
  return (
    <ul class="cards vendor-list">
      {config.vendors.map((vendor, index) => {
        const vendorErrors = errorsUnder(errors, `vendors.${index}`)
        const hasErrors = Object.keys(vendorErrors).length > 0
        const expanded = current === index || hasErrors
        const name = vendor.name || vendor.key
        const panelId = `vendor-panel-${index}`
        return (
          <li key={index} class={hasErrors ? 'card has-error' : 'card'} data-vendor={vendor.key}>
            <div class="vendor-row">
              <h2 class="vendor-name">{name}</h2>
              <p class="vendor-purposes">{vendor.purposes.map(purposeName).join(', ')}</p>
              <div class="actions">
                <button
                  type="button"
                  aria-expanded={expanded}
                  aria-controls={panelId}
                  onClick={() => {
                    open.value = expanded ? -1 : index
                  }}
                >
                  {expanded ? t('vendors.done') : t('vendors.edit', { name })}
                </button>
                {!readOnly && (
                  <button
                    type="button"
                    class="danger"
                    onClick={() =>
                      onChange({ ...config, vendors: config.vendors.filter((_, i) => i !== index) })
                    }
                  >
                    {t('vendors.remove', { name })}
                  </button>
                )}
              </div>
            </div>
            {expanded && (
              <div id={panelId}>
                <VendorEditor
                  vendor={vendor}
                  languages={config.languages}
                  purposes={config.purposes}
                  errors={vendorErrors}
                  readOnly={readOnly}
                  onChange={(next) => update(index, next)}
                />
              </div>
            )}
          </li>
        )
      })}
    </ul>
  )
}
