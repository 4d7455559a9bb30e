import { useSignal } from '@preact/signals'
import { RECEIPT_ACTIONS } from '@torii/schema'
import type { Stats } from '@torii/schema/admin-api'
import { useEffect } from 'preact/hooks'
import { api } from '../api/index.ts'
import { ChoicesPerDayChart, PurposeRateChart } from '../components/charts/index.tsx'
import { DataTable } from '../components/data-table/index.tsx'
import { SelectField } from '../components/field/index.tsx'
import { PageState } from '../components/page-state/index.tsx'
import { RegionStats } from '../components/region-stats/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'
import { t } from '../i18n/index.ts'
import { localText } from '../lib/local-text.ts'
import { browserTimeZone } from '../lib/time-zone.ts'
import { siteModel } from '../models/site.ts'

const DAYS = 30

function StatsView({ stats }: { stats: Stats }) {
  const draft = siteModel.draft.value
  const purposeName = (key: string) =>
    localText(draft?.purposes.find((purpose) => purpose.key === key)?.name, draft?.defaultLanguage ?? '', key)
  const total = stats.perDay.reduce(
    (sum, day) => sum + RECEIPT_ACTIONS.reduce((daySum, action) => daySum + (day.counts[action] ?? 0), 0),
    0
  )
  return (
    <>
      <section class="card">
        <h2 id="per-day">{t('insights.perDay')}</h2>
        {total === 0 ? (
          <p>{t('insights.empty')}</p>
        ) : (
          <ChoicesPerDayChart perDay={stats.perDay} label={t('insights.perDay')} />
        )}
        <details>
          <summary>{t('insights.table')}</summary>
          <DataTable
            label={t('insights.perDay')}
            caption="hidden"
            columns={[
              { header: t('insights.date'), cell: (day) => day.date },
              ...RECEIPT_ACTIONS.map((action) => ({
                header: t(`action.${action}`),
                cell: (day: Stats['perDay'][number]) => day.counts[action] ?? 0,
              })),
            ]}
            rows={stats.perDay}
            rowKey={(day) => day.date}
          />
        </details>
      </section>
      <section class="card">
        <h2 id="per-purpose">{t('insights.perPurpose')}</h2>
        <p class="hint">{t('insights.perPurposeHint')}</p>
        {stats.perPurpose.length === 0 ? (
          <p>{t('insights.empty')}</p>
        ) : (
          <PurposeRateChart
            perPurpose={stats.perPurpose}
            label={t('insights.perPurpose')}
            name={purposeName}
          />
        )}
        <DataTable
          label={t('insights.perPurpose')}
          caption="hidden"
          columns={[
            { header: t('receipts.purpose'), cell: (row) => purposeName(row.key) },
            { header: t('insights.granted'), cell: (row) => row.granted },
            { header: t('insights.total'), cell: (row) => row.total },
            { header: t('insights.rate'), cell: (row) => `${Math.round(row.rate * 1000) / 10}%` },
          ]}
          rows={stats.perPurpose}
          rowKey={(row) => row.key}
        />
      </section>
      <RegionStats stats={stats} />
    </>
  )
}

/** The rules a reader may limit the figures to: those receipts name, then the draft's others. */
function ruleOptions(stats: Stats | null): string[] {
  const keys = new Set(stats?.perRegion.flatMap((row) => (row.rule === null ? [] : [row.rule])))
  for (const rule of siteModel.draft.value?.regions ?? []) keys.add(rule.key)
  return [...keys]
}

/** Which days the figures count: the site's time zone's, and whether that is the admin's own. */
function PeriodNote() {
  const zone = siteModel.detail.value?.site.timeZone ?? 'UTC'
  const key = zone === browserTimeZone() ? 'insights.period' : 'insights.periodOtherZone'
  return <p>{t(key, { days: DAYS, zone })}</p>
}

/** Choices per day by action and consent rate per purpose over 30 days, split by region rule and country. */
export default function InsightsPage({ siteId }: { siteId: string }) {
  const stats = useSignal<Stats | null>(null)
  const error = useSignal<Error | null>(null)
  // The region rule the figures are limited to; '' for every region.
  const regionRule = useSignal('')
  async function load() {
    error.value = null
    const rule = regionRule.value
    try {
      const answer = await api.stats(siteId, DAYS, rule || undefined)
      // A reader who picked another rule meanwhile waits for that one's answer, not this one's.
      if (rule === regionRule.value) stats.value = answer
    } catch (cause) {
      error.value = cause as Error
    }
  }
  useEffect(() => {
    load()
  }, [siteId, regionRule.value])
  const rules = ruleOptions(stats.value)
  return (
    <SiteFrame siteId={siteId} section="insights">
      <PeriodNote />
      {rules.length > 0 && (
        <SelectField
          label={t('insights.regionFilter')}
          hint={t('insights.regionFilterHint')}
          value={regionRule.value}
          options={[
            { value: '', label: t('insights.allRegions') },
            ...rules.map((rule) => ({ value: rule, label: rule })),
          ]}
          onValue={(rule) => (regionRule.value = rule)}
        />
      )}
      {stats.value ? <StatsView stats={stats.value} /> : <PageState error={error.value} onRetry={load} />}
    </SiteFrame>
  )
}
