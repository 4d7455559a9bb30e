import { useLocation } from 'preact-iso'
import { t } from '../../i18n/index.ts'
import { type SiteSection, sitePath } from '../../lib/paths.ts'
import { siteModel } from '../../models/site.ts'

const SECTIONS: SiteSection[] = [
  'settings',
  'purposes',
  'vendors',
  'regions',
  'look',
  'publish',
  'receipts',
  'insights',
  'disclosure',
  'scan',
]
/** Sections only the site's owners see (the server refuses the others). */
const OWNER_SECTIONS: SiteSection[] = ['members', 'tokens', 'audit']

/** The site's sections (owners also see members, tokens, audit); the current one is marked for assistive technology. */
export function SiteNav({ siteId, siteName }: { siteId: string; siteName: string }) {
  const { path } = useLocation()
  return (
    <nav class="site-nav" aria-label={t('app.siteNav')}>
      <p class="site-name">{siteName}</p>
      <ul>
        {[...SECTIONS, ...(siteModel.isOwner.value ? OWNER_SECTIONS : [])].map((section) => {
          const href = sitePath(siteId, section)
          const current = path === href || path.startsWith(`${href}/`)
          return (
            <li key={section}>
              <a href={href} aria-current={current ? 'page' : undefined}>
                {t(`nav.${section}`)}
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
