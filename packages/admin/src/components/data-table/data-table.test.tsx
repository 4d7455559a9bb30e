import { render, screen, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { DataTable, type DataTableColumn } from './index.tsx'

interface Fruit {
  name: string
  count: number
}

const FRUITS: Fruit[] = [
  { name: 'apple', count: 3 },
  { name: 'pear', count: 0 },
]

const COLUMNS: DataTableColumn<Fruit>[] = [
  { header: 'Fruit', cell: (fruit) => fruit.name },
  { header: 'Count', cell: (fruit) => fruit.count, class: 'count' },
  { cell: (fruit) => <button type="button">Eat {fruit.name}</button> },
]

describe('DataTable', () => {
  it('should name the table, head each column and each row, and keep a row action column unheaded', () => {
    render(
      <DataTable
        label="Fruit in the bowl"
        columns={COLUMNS}
        rows={FRUITS}
        rowKey={(fruit) => fruit.name}
        rowAttributes={(fruit) => ({ 'data-fruit': fruit.name })}
      />
    )
    const table = screen.getByRole('table', { name: 'Fruit in the bowl' })
    expect(screen.getByRole('region', { name: 'Fruit in the bowl' }).contains(table)).toBe(true)
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => [th.textContent, th.getAttribute('scope')])
    ).toEqual([
      ['Fruit', 'col'],
      ['Count', 'col'],
    ])
    const pear = within(table).getByRole('rowheader', { name: 'pear' })
    expect(pear.getAttribute('scope')).toBe('row')
    const row = pear.closest('tr')!
    expect(row.dataset.fruit).toBe('pear')
    expect(
      within(row)
        .getAllByRole('cell')
        .map((td) => [td.textContent, td.className])
    ).toEqual([
      ['0', 'count'],
      ['Eat pear', ''],
    ])
    expect(table.querySelector('caption')).toBeNull()
  })

  it('should show the label as the caption, or give it to screen readers only', () => {
    const { unmount } = render(
      <DataTable label="Shown" caption="shown" columns={COLUMNS} rows={FRUITS} rowKey={(f) => f.name} />
    )
    const shown = screen.getByRole('table', { name: 'Shown' })
    expect(shown.hasAttribute('aria-label')).toBe(false)
    expect(shown.querySelector('caption')!.className).toBe('')
    unmount()
    render(
      <DataTable label="Hidden" caption="hidden" columns={COLUMNS} rows={FRUITS} rowKey={(f) => f.name} />
    )
    const hidden = screen.getByRole('table', { name: 'Hidden' })
    expect(hidden.querySelector('caption')!.className).toBe('visually-hidden')
  })
})
