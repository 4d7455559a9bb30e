import type { ComponentChildren } from 'preact'
import { ScrollRegion } from '../scroll-region/index.tsx'

/** One column: its header and what each row shows in it. */
export interface DataTableColumn<Row> {
  /** The column header; a column of row actions has none (an empty cell, not an empty header). */
  header?: ComponentChildren
  cell: (row: Row) => ComponentChildren
  /** A class for the column's cells. */
  class?: string
}

/** What a row may carry besides its cells. */
export type RowAttributes = { class?: string } & { [name: `data-${string}`]: string }

export interface DataTableProps<Row> {
  /** The table's accessible name, also naming its scrollable region. */
  label: string
  /**
   * `shown`: the label is the table's visible caption; `hidden`: a caption for screen readers only (a heading
   * above already shows it); absent: the label is the table's `aria-label`.
   */
  caption?: 'shown' | 'hidden'
  columns: DataTableColumn<Row>[]
  rows: Row[]
  rowKey: (row: Row) => string | number
  /** Attributes of a row's `<tr>` (a class, `data-*`) that styles and tests find it by. */
  rowAttributes?: (row: Row) => RowAttributes
  class?: string
}

/**
 * A table of rows, one column per field, in a keyboard-scrollable region. Each row is headed by its first
 * cell (`th scope="row"`), each column by its header (`th scope="col"`), so a screen reader names both.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { label, caption, columns } = props
  return (
    <ScrollRegion label={label}>
      <table class={props.class} aria-label={caption ? undefined : label}>
        {caption && <caption class={caption === 'hidden' ? 'visually-hidden' : undefined}>{label}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) =>
              column.header === undefined ? (
                <td key={index} />
              ) : (
                <th scope="col" key={index}>
                  {column.header}
                </th>
              )
            )}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} {...props.rowAttributes?.(row)}>
              {columns.map((column, index) =>
                index === 0 ? (
                  <th scope="row" key={index} class={column.class}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={index} class={column.class}>
                    {column.cell(row)}
                  </td>
                )
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  )
}
