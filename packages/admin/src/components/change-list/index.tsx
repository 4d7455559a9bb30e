import type { ConfigChange } from '@torii/schema/admin-api'
import { t } from '../../i18n/index.ts'
import { DataTable } from '../data-table/index.tsx'

function show(value: unknown): string {
  if (value === undefined) return ''
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 1)
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

/** The changes between two configs as a table. */
export function ChangeList({ changes, caption }: { changes: ConfigChange[]; caption: string }) {
  return (
    <DataTable
      label={caption}
      caption="shown"
      class="changes"
      columns={[
        { header: t('change.path'), cell: (change) => <code>{change.path}</code> },
        { header: t('change.kind'), cell: (change) => t(`change.${change.kind}`) },
        { header: t('change.before'), cell: (change) => <code class="value">{show(change.before)}</code> },
        { header: t('change.after'), cell: (change) => <code class="value">{show(change.after)}</code> },
      ]}
      rows={changes}
      rowKey={(change) => change.path}
      rowAttributes={(change) => ({ class: `change-${change.kind}` })}
    />
  )
}
