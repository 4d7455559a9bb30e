import { render, screen, within } from '@testing-library/preact'
import { RECEIPT_ACTIONS } from '@torii/schema'
import type { ActionCounts, Stats } from '@torii/schema/admin-api'
import { beforeEach, describe, expect, it } from 'vitest'
import { setUiLanguage } from '../../i18n/index.ts'
import { RegionStats } from './index.tsx'

const counts = (partial: Partial<ActionCounts>) =>
  ({ ...Object.fromEntries(RECEIPT_ACTIONS.map((action) => [action, 0])), ...partial }) as ActionCounts

const STATS: Stats = {
  days: 30,
  timeZone: 'UTC',
  perDay: [],
  perPurpose: [],
  perRegion: [
    { rule: 'japan', model: 'notice', counts: counts({ 'accept-all': 2, custom: 1 }), total: 3 },
    { rule: null, model: null, counts: counts({ 'reject-all': 1 }), total: 1 },
  ],
  perCountry: [
    { country: 'JP', counts: counts({ 'accept-all': 2, custom: 1 }), total: 3 },
    { country: null, counts: counts({ 'reject-all': 1 }), total: 1 },
  ],
}

/** The count cells of the row headed `rowName` in the table named `tableName`. */
const rowCells = (rowName: string, tableName: string) =>
  within(screen.getByRole('table', { name: tableName }))
    .getByRole('rowheader', { name: rowName })
    .closest('tr')!
    .querySelectorAll('td')

describe('RegionStats', () => {
  beforeEach(() => setUiLanguage('en'))

  it('should list the receipts per rule with its model and per country by name, unknowns said as such', () => {
    render(<RegionStats stats={STATS} />)
    const japan = [...rowCells('japan (Notice: run, and tell the visitor)', 'Choices per region rule')]
    // One cell per action in RECEIPT_ACTIONS order, then the total.
    expect(japan.map((cell) => cell.textContent)).toEqual([
      ...RECEIPT_ACTIONS.map((action) => String(STATS.perRegion[0]!.counts[action])),
      '3',
    ])
    expect(rowCells('No rule', 'Choices per region rule')[RECEIPT_ACTIONS.length]!.textContent).toBe('1')
    expect(rowCells('JP Japan', 'Choices per visitor country')[RECEIPT_ACTIONS.length]!.textContent).toBe('3')
    expect(rowCells('Unknown', 'Choices per visitor country')).toHaveLength(RECEIPT_ACTIONS.length + 1)
  })

  it('should say when the period has no receipts', () => {
    render(<RegionStats stats={{ ...STATS, perRegion: [], perCountry: [] }} />)
    expect(screen.getAllByText('No choices recorded in this period.')).toHaveLength(2)
  })
})
