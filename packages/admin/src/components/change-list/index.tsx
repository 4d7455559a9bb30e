import type { ConfigChange } from '@torii/schema/admin-api'
import { t } from '../../i18n/index.ts'
import { ScrollRegion } from '../scroll-region/index.tsx'

function show(value: unknown): string {
  if (value === undefined) return ''
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 1)
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

/** The changes between two configs as a table. */
export function ChangeList({ changes, caption }: { changes: ConfigChange[]; caption: string }) {
  return (
    <ScrollRegion label={caption}>
      <table class="changes">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('change.path')}</th>
            <th scope="col">{t('change.kind')}</th>
            <th scope="col">{t('change.before')}</th>
            <th scope="col">{t('change.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.path} class={`change-${change.kind}`}>
              <th scope="row">
                <code>{change.path}</code>
              </th>
              <td>{t(`change.${change.kind}`)}</td>
              <td>
                <code class="value">{show(change.before)}</code>
              </td>
              <td>
                <code class="value">{show(change.after)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  )
}
