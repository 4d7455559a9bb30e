import { t } from '../i18n/index.ts'
import { ADMIN_BASE } from '../lib/paths.ts'
import { useTitle } from '../lib/use-title.ts'

export default function NotFoundPage() {
  useTitle(t('app.notFound'))
  return (
    <div class="narrow">
      <h1>{t('app.notFound')}</h1>
      <p>
        <a href={`${ADMIN_BASE}/`}>{t('app.backHome')}</a>
      </p>
    </div>
  )
}
