import { RECEIPT_ACTIONS } from '@torii/schema'
import type { ActionCounts, Stats } from '@torii/schema/admin-api'
import { t, uiLanguage } from '../../i18n/index.ts'
import { countryName } from '../../lib/region-names.ts'
import { DataTable, type DataTableColumn } from '../data-table/index.tsx'

type RegionRow = Stats['perRegion'][number]
type CountryRow = Stats['perCountry'][number]

/** One column per action, then the total: the same counts as the per-day table. */
function countColumns<Row extends { counts: ActionCounts; total: number }>(): DataTableColumn<Row>[] {
  return [
    ...RECEIPT_ACTIONS.map((action) => ({
      header: t(`action.${action}`),
      cell: (row: Row) => row.counts[action],
    })),
    { header: t('insights.total'), cell: (row: Row) => row.total },
  ]
}

/** A rule as the table heads its row: its key and model, or that no rule applied. */
function regionRuleLabel(row: Pick<RegionRow, 'rule' | 'model'>): string {
  if (row.rule === null) return t('insights.noRule')
  return row.model ? `${row.rule} (${t(`regions.model.${row.model}`)})` : row.rule
}

/** Receipts per region rule (with its model) and per visitor country over the period, by action. */
export function RegionStats({ stats }: { stats: Stats }) {
  const language = uiLanguage.value
  return (
    <>
      <section class="card">
        <h2 id="per-region">{t('insights.perRegion')}</h2>
        <p class="hint">{t('insights.perRegionHint')}</p>
        {stats.perRegion.length === 0 ? (
          <p>{t('insights.empty')}</p>
        ) : (
          <DataTable
            label={t('insights.perRegion')}
            caption="hidden"
            columns={[
              { header: t('insights.regionRule'), cell: regionRuleLabel },
              ...countColumns<RegionRow>(),
            ]}
            rows={stats.perRegion}
            rowKey={(row) => `${row.rule ?? ''} ${row.model ?? ''}`}
            rowAttributes={(row) => ({ 'data-region-rule': row.rule ?? '' })}
          />
        )}
      </section>
      <section class="card">
        <h2 id="per-country">{t('insights.perCountry')}</h2>
        {stats.perCountry.length === 0 ? (
          <p>{t('insights.empty')}</p>
        ) : (
          <DataTable
            label={t('insights.perCountry')}
            caption="hidden"
            columns={[
              {
                header: t('insights.country'),
                cell: (row) =>
                  row.country === null ? (
                    t('insights.unknownCountry')
                  ) : (
                    <>
                      <code>{row.country}</code> {countryName(row.country, language)}
                    </>
                  ),
              },
              ...countColumns<CountryRow>(),
            ]}
            rows={stats.perCountry}
            rowKey={(row) => row.country ?? ''}
            rowAttributes={(row) => ({ 'data-country': row.country ?? '' })}
          />
        )}
      </section>
    </>
  )
}
