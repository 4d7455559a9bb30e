/** Where the server mounts the admin app. */
export const ADMIN_BASE = '/admin'

export type SiteSection =
  | 'settings'
  | 'purposes'
  | 'vendors'
  | 'regions'
  | 'look'
  | 'publish'
  | 'receipts'
  | 'insights'
  | 'disclosure'
  | 'scan'
  | 'members'
  | 'tokens'
  | 'audit'

/** The admin URL of a site's section. */
export function sitePath(siteId: string, section: SiteSection = 'settings'): string {
  return `${ADMIN_BASE}/sites/${encodeURIComponent(siteId)}/${section}`
}

/** Whether an in-app URL stays within the site being edited (where the working draft lives). */
export function staysInSite(href: string, siteId: string): boolean {
  const path = href.split(/[?#]/)[0] ?? ''
  return path.startsWith(`${ADMIN_BASE}/sites/${encodeURIComponent(siteId)}/`)
}

/** The section where a draft field (dotted path) is edited. */
export function sectionOf(path: string): SiteSection {
  const head = path.split('.')[0]
  if (head === 'purposes') return 'purposes'
  if (head === 'vendors') return 'vendors'
  if (head === 'regions') return 'regions'
  if (head === 'texts' || head === 'look') return 'look'
  return 'settings'
}
