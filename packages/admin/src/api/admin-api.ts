import type { ReceiptRejection, Revision, RevisionSummary, SiteConfig, SiteConfigInput } from '@torii/schema'
import type {
  AccessibleSite,
  ApiToken,
  AuditPage,
  ConfigChange,
  CreatedApiToken,
  LoginRequest,
  PasswordChange,
  ReceiptDetail,
  ReceiptPage,
  ReceiptQuery,
  Role,
  RoleChange,
  SessionInfo,
  Site,
  SiteDetail,
  SiteInput,
  SiteMember,
  SiteRole,
  Stats,
  User,
} from '@torii/schema/admin-api'
import type { ScanDetail, ScanHistory, ScanRequest } from '@torii/schema/scan-report'
import { type ApiClient, type QueryParams, withQuery } from './client.ts'

const site = (siteId: string) => `/sites/${encodeURIComponent(siteId)}`
const user = (email: string) => `/users/${encodeURIComponent(email)}`

/** Typed calls for every route in `@torii/schema/admin-api`. */
export function createAdminApi(client: ApiClient) {
  const { request } = client
  return {
    async login(body: LoginRequest) {
      const info = await request<SessionInfo>('POST', '/session', body)
      client.setCsrfToken(info.csrfToken)
      return info
    },
    async session() {
      const info = await request<SessionInfo>('GET', '/session')
      client.setCsrfToken(info.csrfToken)
      return info
    },
    async logout() {
      await request<null>('DELETE', '/session')
      client.setCsrfToken(null)
    },
    /** Any signed-in user; the server ends the user's other sessions. */
    changePassword: (body: PasswordChange) => request<null>('PUT', '/session/password', body),
    listSites: () => request<{ sites: AccessibleSite[] }>('GET', '/sites'),
    createSite: (body: SiteInput) => request<{ site: Site }>('POST', '/sites', body),
    getSite: (siteId: string) => request<SiteDetail>('GET', site(siteId)),
    updateSite: (siteId: string, body: Partial<SiteInput>) =>
      request<{ site: Site }>('PATCH', site(siteId), body),
    getDraft: (siteId: string) =>
      request<{ draft: SiteConfig; updatedAt: string }>('GET', `${site(siteId)}/draft`),
    saveDraft: (siteId: string, draft: SiteConfigInput) =>
      request<{ draft: SiteConfig; updatedAt: string }>('PUT', `${site(siteId)}/draft`, draft),
    publish: (siteId: string, note?: string) =>
      request<{ revision: RevisionSummary }>('POST', `${site(siteId)}/publish`, note ? { note } : {}),
    listRevisions: (siteId: string) =>
      request<{ revisions: RevisionSummary[] }>('GET', `${site(siteId)}/revisions`),
    getRevision: (siteId: string, number: number) =>
      request<{ revision: Revision }>('GET', `${site(siteId)}/revisions/${number}`),
    diff: (siteId: string, from: number, to: number | 'draft') =>
      request<{ changes: ConfigChange[] }>('GET', `${site(siteId)}/diff?from=${from}&to=${to}`),
    rollback: (siteId: string, number: number) =>
      request<{ revision: RevisionSummary }>('POST', `${site(siteId)}/revisions/${number}/rollback`),
    listReceipts: (siteId: string, query: ReceiptQuery) =>
      request<ReceiptPage>('GET', withQuery(`${site(siteId)}/receipts`, query as QueryParams)),
    getReceipt: (siteId: string, id: string) =>
      request<ReceiptDetail>('GET', `${site(siteId)}/receipts/${encodeURIComponent(id)}`),
    /** A link the browser downloads with the session cookie. */
    exportUrl: (siteId: string, format: 'csv' | 'ndjson', query: ReceiptQuery) =>
      client.url(`${site(siteId)}/export`, {
        ...(query as QueryParams),
        format,
        cursor: undefined,
        limit: undefined,
      }),
    /** `regionRule`: every figure but `perRegion` counts that rule's receipts only. */
    stats: (siteId: string, days = 30, regionRule?: string) =>
      request<Stats>('GET', withQuery(`${site(siteId)}/stats`, { days, regionRule })),
    /** The receipts the server refused lately for the site, newest first. */
    rejections: (siteId: string) =>
      request<{ rejections: ReceiptRejection[] }>('GET', `${site(siteId)}/rejections`),
    erase: (siteId: string, consentId: string) =>
      request<{ erased: number }>('POST', `${site(siteId)}/erasure`, { consentId }),
    listUsers: () => request<{ users: User[] }>('GET', '/users'),
    createUser: (body: { email: string; password: string; role: Role }) =>
      request<{ user: User }>('POST', '/users', body),
    setUserRole: (email: string, role: Role) =>
      request<{ user: User }>('PATCH', user(email), { role } satisfies RoleChange),
    removeUser: (email: string) => request<null>('DELETE', user(email)),
    listScans: (siteId: string) => request<ScanHistory>('GET', `${site(siteId)}/scans`),
    startScan: (siteId: string, body: ScanRequest) =>
      request<{ scan: ScanDetail }>('POST', `${site(siteId)}/scans`, body),
    getScan: (siteId: string, scanId: string) =>
      request<{ scan: ScanDetail }>('GET', `${site(siteId)}/scans/${encodeURIComponent(scanId)}`),
    listMembers: (siteId: string) => request<{ members: SiteMember[] }>('GET', `${site(siteId)}/members`),
    setMember: (siteId: string, email: string, role: SiteRole) =>
      request<{ member: SiteMember }>('PUT', `${site(siteId)}/members/${encodeURIComponent(email)}`, {
        role,
      }),
    removeMember: (siteId: string, email: string) =>
      request<null>('DELETE', `${site(siteId)}/members/${encodeURIComponent(email)}`),
    listTokens: (siteId: string) => request<{ tokens: ApiToken[] }>('GET', `${site(siteId)}/tokens`),
    createToken: (siteId: string, name: string, role: SiteRole) =>
      request<CreatedApiToken>('POST', `${site(siteId)}/tokens`, { name, role }),
    revokeToken: (siteId: string, id: string) =>
      request<null>('DELETE', `${site(siteId)}/tokens/${encodeURIComponent(id)}`),
    /** One site's audit log (its owners), or every entry (`siteId` null: admins). */
    audit: (siteId: string | null, cursor?: string) =>
      request<AuditPage>('GET', withQuery(siteId ? `${site(siteId)}/audit` : '/audit', { cursor })),
    auditExportUrl: (siteId: string | null, format: 'csv' | 'ndjson') =>
      client.url(siteId ? `${site(siteId)}/audit/export` : '/audit/export', { format }),
    disclosure: (siteId: string, lang: string) =>
      request<{ revision: number; html: string }>(
        'GET',
        `${site(siteId)}/disclosure?lang=${encodeURIComponent(lang)}`
      ),
  }
}

export type AdminApi = ReturnType<typeof createAdminApi>
