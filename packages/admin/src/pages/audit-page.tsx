import { AuditLog } from '../components/audit-log/index.tsx'
import { SiteFrame } from '../components/site-frame/index.tsx'

/** One site's audit log (its owners). */
export default function AuditPage({ siteId }: { siteId: string }) {
  return (
    <SiteFrame siteId={siteId} section="audit">
      <AuditLog siteId={siteId} />
    </SiteFrame>
  )
}
