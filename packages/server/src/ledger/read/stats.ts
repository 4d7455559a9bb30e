import type { Client } from '@libsql/client'
import { RECEIPT_ACTIONS, type ReceiptAction, type Stats } from '@torii/schema'

const DAY_MS = 86_400_000

/**
 * Choices per UTC day per action over the last `days` days (today included, zeros filled in), and per
 * purpose the share of consent ids whose latest choice in the period granted it. Erased receipts count in
 * the daily totals (their action and time stay) but not per purpose (their choices are gone).
 */
export async function siteStats(client: Client, siteId: string, days: number, now: Date): Promise<Stats> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const start = new Date(today - (days - 1) * DAY_MS).toISOString()
  const perDay = Array.from({ length: days }, (_, i) => ({
    date: new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10),
    counts: Object.fromEntries(RECEIPT_ACTIONS.map((action) => [action, 0])) as Record<ReceiptAction, number>,
  }))
  const byDate = new Map(perDay.map((day) => [day.date, day]))
  const counted = await client.execute({
    sql: `SELECT substr(issued_at, 1, 10) AS day, action, count(*) AS n FROM receipts
          WHERE site_id = ? AND issued_at >= ? GROUP BY day, action`,
    args: [siteId, start],
  })
  for (const row of counted.rows) {
    const day = byDate.get(row.day as string)
    const action = row.action as ReceiptAction
    if (day && action in day.counts) day.counts[action] = Number(row.n)
  }
  const purposes = await client.execute({
    sql: `SELECT j.key AS key, sum(j.value = 1) AS granted, count(*) AS total
          FROM (SELECT purposes FROM (
                  SELECT purposes, row_number() OVER (PARTITION BY consent_id ORDER BY seq DESC) AS rn
                  FROM receipts WHERE site_id = ? AND issued_at >= ? AND erased_at IS NULL
                ) WHERE rn = 1) AS latest, json_each(latest.purposes) AS j
          GROUP BY j.key ORDER BY j.key`,
    args: [siteId, start],
  })
  return {
    days,
    perDay,
    perPurpose: purposes.rows.map((row) => {
      const granted = Number(row.granted)
      const total = Number(row.total)
      return { key: row.key as string, granted, total, rate: total ? granted / total : 0 }
    }),
  }
}
