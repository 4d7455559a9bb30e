import { TZDate } from '@date-fns/tz'
import {
  type ActionCounts,
  RECEIPT_ACTIONS,
  type ReceiptAction,
  type RegionModel,
  type Stats,
} from '@torii/schema'
import type { SqlClient, SqlValue } from '../../db/sql-client.ts'
import { ledgerSqlFor } from '../dialect/ledger-sql.ts'

const DAY_MS = 86_400_000

export interface StatsQuery {
  days: number
  /** Limits every figure but `perRegion` to the receipts taken under this region rule (its key). */
  regionRule?: string
  /** The IANA time zone whose days `perDay` counts (the site's; default UTC). */
  timeZone?: string
}

/** One local day: its date there, and the UTC instants (ISO, as `issued_at` is stored) it starts and ends at. */
interface LocalDay {
  date: string
  start: string
  end: string
}

/**
 * The `days` days up to today in `timeZone`, oldest first. A day is not always 24 hours (daylight saving
 * time), so each day's bounds are computed where it begins and ends.
 */
function localDays(now: Date, days: number, timeZone: string): LocalDay[] {
  const local = new TZDate(now, timeZone)
  // The local calendar date, held in a UTC Date only to step back whole days.
  const today = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate())
  const midnight = (day: Date, plus: number) =>
    new Date(
      +new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + plus, timeZone)
    ).toISOString()
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(today - (days - 1 - i) * DAY_MS)
    return { date: day.toISOString().slice(0, 10), start: midnight(day, 0), end: midnight(day, 1) }
  })
}

function zeroCounts(): ActionCounts {
  return Object.fromEntries(RECEIPT_ACTIONS.map((action) => [action, 0])) as ActionCounts
}

function addCount(counts: ActionCounts, action: unknown, n: unknown): void {
  // An action this build does not know (a newer server wrote it) is left out rather than shown as another.
  if ((RECEIPT_ACTIONS as readonly unknown[]).includes(action)) counts[action as ReceiptAction] += Number(n)
}

/** Groups `rows` (one per group and action, with `n`) by `groupOf`, counting actions; most receipts first. */
function countGroups<G>(
  rows: readonly Record<string, unknown>[],
  keyOf: (row: Record<string, unknown>) => string,
  groupOf: (row: Record<string, unknown>) => G
): (G & { counts: ActionCounts; total: number })[] {
  const groups = new Map<string, G & { counts: ActionCounts; total: number }>()
  for (const row of rows) {
    const key = keyOf(row)
    let group = groups.get(key)
    if (!group) {
      group = { ...groupOf(row), counts: zeroCounts(), total: 0 }
      groups.set(key, group)
    }
    addCount(group.counts, row.action, row.n)
  }
  for (const group of groups.values())
    group.total = RECEIPT_ACTIONS.reduce((sum, action) => sum + group.counts[action], 0)
  return [...groups.entries()]
    .sort(([a, x], [b, y]) => y.total - x.total || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => group)
}

/**
 * Choices per day (in the query's time zone) per action over the last `days` days (today included, zeros filled in), per purpose the
 * share of consent ids whose latest choice in the period granted it, and the receipts per region rule and per
 * country. Erased receipts count in the daily, region and country totals (their action, time and jurisdiction
 * stay) but not per purpose (their choices are gone).
 */
export async function siteStats(
  client: SqlClient,
  siteId: string,
  query: StatsQuery,
  now: Date
): Promise<Stats> {
  const { days, regionRule, timeZone = 'UTC' } = query
  const period = localDays(now, days, timeZone)
  const start = period[0]!.start
  // `region_rule = ?` on top of the period when the query names a rule.
  const inRule = regionRule === undefined ? '' : 'AND region_rule = ?'
  const ruleArgs: SqlValue[] = regionRule === undefined ? [] : [regionRule]
  const args: SqlValue[] = [siteId, start, ...ruleArgs]
  const perDay = period.map((day) => ({ date: day.date, counts: zeroCounts() }))
  const byDate = new Map(perDay.map((day) => [day.date, day]))
  // Each day's bounds as a table: every receipt is counted in the local day its time falls in.
  const counted = await client.execute({
    sql: `WITH days(day, day_start, day_end) AS (VALUES ${period.map(() => '(?, ?, ?)').join(', ')})
          SELECT days.day AS day, action, count(*) AS n FROM days JOIN receipts
            ON site_id = ? AND issued_at >= days.day_start AND issued_at < days.day_end ${inRule}
          GROUP BY days.day, action`,
    args: [...period.flatMap((day) => [day.date, day.start, day.end]), siteId, ...ruleArgs],
  })
  for (const row of counted.rows) {
    const day = byDate.get(row.day as string)
    if (day) addCount(day.counts, row.action, row.n)
  }
  const purposes = await client.execute({
    sql: ledgerSqlFor(client.dialect).purposeShares(inRule),
    args,
  })
  const regions = await client.execute({
    sql: `SELECT region_rule AS rule, region_model AS model, action, count(*) AS n FROM receipts
          WHERE site_id = ? AND issued_at >= ? GROUP BY rule, model, action`,
    args: [siteId, start],
  })
  const countries = await client.execute({
    sql: `SELECT country, action, count(*) AS n FROM receipts
          WHERE site_id = ? AND issued_at >= ? ${inRule} GROUP BY country, action`,
    args,
  })
  return {
    days,
    ...(regionRule === undefined ? {} : { regionRule }),
    timeZone,
    perDay,
    perPurpose: purposes.rows.map((row) => {
      const granted = Number(row.granted)
      const total = Number(row.total)
      return { key: row.key as string, granted, total, rate: total ? granted / total : 0 }
    }),
    perRegion: countGroups(
      regions.rows,
      (row) => `${row.rule ?? ''}\u0000${row.model ?? ''}`,
      (row) => ({
        rule: (row.rule as string | null) ?? null,
        model: (row.model as RegionModel | null) ?? null,
      })
    ),
    perCountry: countGroups(
      countries.rows,
      (row) => (row.country as string | null) ?? '',
      (row) => ({ country: (row.country as string | null) ?? null })
    ),
  }
}
