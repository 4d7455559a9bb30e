import { AuditLog } from '../components/audit-log/index.tsx'
import { t } from '../i18n/index.ts'
import { useTitle } from '../lib/use-title.ts'

/** Every site's audit log and the global actions (logins, users): admins only. */
export default function GlobalAuditPage() {
  useTitle(t('audit.title'))
  return (
    <div>
      <h1>{t('audit.title')}</h1>
      <AuditLog siteId={null} />
    </div>
  )
}
