/**
 * The admin JSON API under `/api/admin`: request and response shapes shared by the server and the admin app.
 *
 * Auth: `POST /session` sets an HttpOnly, SameSite=Strict session cookie and returns a CSRF token; every
 * state-changing request (POST, PUT, PATCH, DELETE) must send it back in the `x-torii-csrf` header.
 * Without a session every route answers 401. Roles are per site (`SiteRole`: viewer reads and exports; editor
 * also saves drafts, publishes, rolls back; owner also changes site settings, members, erasure, tokens, and
 * reads the site's audit log). A global `admin` is owner of every site and alone manages users, creates sites
 * and reads the global audit log; a global `viewer` is viewer of every site; a `member` has only the roles
 * granted per site. A route on a site the caller has no (or too low a) role on answers 403 `forbidden`;
 * logout and `PUT /session/password` are open to every signed-in user.
 * API tokens (`Authorization: Bearer`, no cookie, no CSRF token) act with their one site and role on that
 * site's routes only, never on members, tokens, users or the session.
 * A user signed in with a one-time password (`SessionInfo.mustChangePassword`) gets 403
 * `password_change_required` on every route but `GET|DELETE /session` and `PUT /session/password` until they
 * change it.
 * Errors are `ApiError` (`./api-error.ts`); validation errors list `fields`.
 *
 * | method | path | body | answer |
 * |---|---|---|---|
 * | POST | /session | LoginRequest | SessionInfo (sets cookie) |
 * | GET | /session | | SessionInfo |
 * | DELETE | /session | | 204 |
 * | PUT | /session/password | PasswordChange | 204 (ends the user's other sessions; 400 `wrong_password` naming currentPassword; rate-limited) |
 * | GET | /sites | | { sites: AccessibleSite[] } (the caller's sites only) |
 * | POST | /sites | SiteInput | 201 { site: Site } (draft starts from a minimal config) |
 * | GET | /sites/:siteId | | SiteDetail |
 * | PATCH | /sites/:siteId | Partial<SiteInput> | { site: Site } |
 * | GET | /sites/:siteId/draft | | { draft: SiteConfig, updatedAt } |
 * | PUT | /sites/:siteId/draft | SiteConfigInput | { draft: SiteConfig, updatedAt } (400 with fields) |
 * | POST | /sites/:siteId/publish | { note?: string } | 201 { revision: RevisionSummary } |
 * | GET | /sites/:siteId/revisions | | { revisions: RevisionSummary[] } (newest first) |
 * | GET | /sites/:siteId/revisions/:number | | { revision: Revision } |
 * | GET | /sites/:siteId/diff?from=N&to=M\|draft | | { changes: ConfigChange[] } |
 * | POST | /sites/:siteId/revisions/:number/rollback | | 201 { revision: RevisionSummary } (the draft becomes that config too; 409 `unchanged` when it is the live config) |
 * | GET | /sites/:siteId/receipts?ReceiptQuery | | ReceiptPage |
 * | GET | /sites/:siteId/receipts/:id | | ReceiptDetail |
 * | GET | /sites/:siteId/export?format=csv\|ndjson&ReceiptQuery | | streamed file (attachment) |
 * | GET | /sites/:siteId/stats?days=30&regionRule=japan | | Stats (`regionRule`, optional: every figure but perRegion counts that rule's receipts only) |
 * | POST | /sites/:siteId/erasure | { consentId } | { erased: number } |
 * | GET | /sites/:siteId/disclosure?lang=ja | | { revision: number, html: string } |
 * | GET | /sites/:siteId/scans | | ScanHistory (`./scan-report.ts`: newest first, and why this server cannot scan) |
 * | POST | /sites/:siteId/scans | ScanRequest | 202 { scan: ScanDetail } (runs in the server's Chromium against the live config; 503 `chromium_missing`, 409 `scan_running`) |
 * | GET | /sites/:siteId/scans/:scanId | | { scan: ScanDetail } (progress while running, the report once done) |
 * | GET | /sites/:siteId/rejections | | { rejections: ReceiptRejection[] } (the receipts refused lately, newest first) |
 * | GET | /users | | { users: User[] } (admin only) |
 * | POST | /users | { email, password, role } | 201 { user: User } (admin only) |
 * | PATCH | /users/:email | RoleChange | { user: User } (admin only; 409 `last_admin`) |
 * | DELETE | /users/:email | | 204, ends their sessions (admin only; 409 `self_removal`, `last_admin`; 404) |
 * | GET | /sites/:siteId/members | | { members: SiteMember[] } (owner) |
 * | PUT | /sites/:siteId/members/:email | { role: SiteRole } | { member: SiteMember } (owner; 404 no such user) |
 * | DELETE | /sites/:siteId/members/:email | | 204 (owner; 404) |
 * | GET | /sites/:siteId/tokens | | { tokens: ApiToken[] } (owner) |
 * | POST | /sites/:siteId/tokens | NewApiTokenInput | 201 CreatedApiToken (owner; the secret is shown this once) |
 * | DELETE | /sites/:siteId/tokens/:tokenId | | 204 (owner; revokes, the row stays listed) |
 * | GET | /sites/:siteId/audit?cursor&limit | | AuditPage (owner; newest first) |
 * | GET | /sites/:siteId/audit/export?format=csv\|ndjson | | file (owner) |
 * | GET | /audit?cursor&limit&siteId | | AuditPage (admin only; every site and the global actions) |
 * | GET | /audit/export?format=csv\|ndjson&siteId | | file (admin only) |
 *
 * A user's id in paths is their email, URL-encoded.
 */
import type { z } from 'zod'
import type { ReceiptAction, ReceiptProof } from './receipt.ts'
import type { RegionModel } from './regions/region-rules.ts'
import type { RevisionSummary } from './revision.ts'
import type { SiteConfig } from './site-config.ts'
import type { siteInputSchema } from './site-input.ts'

export const CSRF_HEADER = 'x-torii-csrf'
/** Sent by `torii config push --url` with `PUT /sites/:siteId/draft`: the audit log says `config.push`. */
export const CONFIG_PUSH_HEADER = 'x-torii-config-push'
/** Global roles: `admin` (every site as owner, users), `viewer` (every site as viewer), `member` (per site only). */
export const ROLES = ['admin', 'viewer', 'member'] as const
export type Role = (typeof ROLES)[number]

/** Roles on one site, weakest first: each may do what the ones before it may. */
export const SITE_ROLES = ['viewer', 'editor', 'owner'] as const
export type SiteRole = (typeof SITE_ROLES)[number]

/** True when `held` allows what `needed` allows. */
export function siteRoleAtLeast(held: SiteRole | null | undefined, needed: SiteRole): boolean {
  return held != null && SITE_ROLES.indexOf(held) >= SITE_ROLES.indexOf(needed)
}

/** A user's role granted on one site (`GET /sites/:siteId/members`). */
export interface SiteMember {
  email: string
  role: SiteRole
  createdAt: string
}

/** `PUT /sites/:siteId/members/:email`. */
export interface MemberChange {
  role: SiteRole
}

/** An API token for automation: acts on its one site with its role. The secret is never listed. */
export interface ApiToken {
  id: string
  name: string
  siteId: string
  role: SiteRole
  createdAt: string
  createdBy: string
  lastUsedAt: string | null
  revokedAt: string | null
}

/** `POST /sites/:siteId/tokens`. */
export interface NewApiTokenInput {
  name: string
  role: SiteRole
}

/** The answer to creating a token: `secret` goes in `Authorization: Bearer` and is not shown again. */
export interface CreatedApiToken {
  token: ApiToken
  secret: string
}

/** What the audit log records. */
export const AUDIT_ACTIONS = [
  'login.success',
  'login.failure',
  'site.create',
  'site.update',
  'draft.save',
  'publish',
  'rollback',
  'erasure',
  'export',
  'user.create',
  'user.role',
  'user.remove',
  'member.set',
  'member.remove',
  'token.create',
  'token.revoke',
  'config.push',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** One audit log entry: who (a user's email, `token:ID`, or `cli`), what, on which site, when, from where. */
export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: AuditAction
  siteId: string | null
  detail: Record<string, unknown> | null
  /** The caller's network: the IP truncated as receipts keep it (/24, /48); null from the CLI. */
  network: string | null
}

export interface AuditPage {
  entries: AuditEntry[]
  nextCursor: string | null
}

export interface LoginRequest {
  email: string
  password: string
}

export interface User {
  email: string
  role: Role
  createdAt: string
}

/** `PUT /session/password`: the new password needs at least `MIN_PASSWORD_LENGTH` characters and must differ. */
export interface PasswordChange {
  currentPassword: string
  newPassword: string
}

/** `PATCH /users/:email`. */
export interface RoleChange {
  role: Role
}

/** The shortest password the server accepts, for new users and password changes. */
export const MIN_PASSWORD_LENGTH = 10

export interface SessionInfo {
  user: User
  csrfToken: string
  /** Signed in with a one-time password: every other call answers 403 `password_change_required` until it is changed. */
  mustChangePassword?: true
}

/** `POST /sites` body, as `siteInputSchema` (`./site-input.ts`) checks it. */
export type SiteInput = z.infer<typeof siteInputSchema>

export interface Site extends Required<SiteInput> {
  createdAt: string
  liveRevision: number | null
}

/** A site in `GET /sites`, with the caller's role on it (only sites the caller has a role on are listed). */
export interface AccessibleSite extends Site {
  role: SiteRole
}

export interface SiteDetail {
  site: Site
  /** The caller's role on this site: what the admin offers. */
  role: SiteRole
  draft: SiteConfig
  draftUpdatedAt: string
  live: RevisionSummary | null
  /** True when the draft differs from the live revision. */
  unpublished: boolean
  /** The snippet a site owner pastes first in `<head>`. */
  snippet: string
  /**
   * The public external transmission notice of the live revision (`GET /s/:siteId/disclosure?lang=`), for a
   * footer link; add `?lang=en` for English. Absent until something is published.
   */
  disclosureUrl?: string
}

export interface ConfigChange {
  /** Dotted path, with purposes and vendors addressed by key: `vendors.google-adsense.hosts`. */
  path: string
  kind: 'added' | 'removed' | 'changed'
  before?: unknown
  after?: unknown
}

export interface ReceiptQuery {
  cursor?: string
  limit?: number
  /** ISO dates, inclusive from, exclusive to. */
  from?: string
  to?: string
  action?: ReceiptAction
  /** Receipts where this purpose was granted (`purpose=analytics`) or denied (`purpose=!analytics`). */
  purpose?: string
  consentId?: string
}

export interface ReceiptSummary {
  id: string
  issuedAt: string
  action: ReceiptAction
  revision: number
  consentId: string
  language: string
  purposes: Record<string, boolean>
  vendors: Record<string, boolean>
  gpc: boolean
  erased: boolean
}

export interface ReceiptPage {
  receipts: ReceiptSummary[]
  nextCursor: string | null
}

export interface ReceiptDetail extends ReceiptProof {
  /** The result of checking this receipt's hash and inclusion path against its signed batch now. */
  verified: { ok: boolean; reason?: string }
}

/** How many receipts of each action, zeros included. */
export type ActionCounts = Record<ReceiptAction, number>

export interface Stats {
  days: number
  /** The region rule every figure but `perRegion` is limited to, when the query named one. */
  regionRule?: string
  /** The site's time zone (IANA name), in which `perDay`'s days begin and end. */
  timeZone: string
  /** One row per day in `timeZone`, oldest first, zeros included. */
  perDay: { date: string; counts: ActionCounts }[]
  /** Over the period, latest choice per consent id: how many granted each purpose. */
  perPurpose: { key: string; granted: number; total: number; rate: number }[]
  /**
   * Over the period (never limited to `regionRule`), receipts per region rule and model the server applied;
   * `null` for receipts without one (taken while the site had no rules). Most receipts first.
   */
  perRegion: { rule: string | null; model: RegionModel | null; counts: ActionCounts; total: number }[]
  /** Over the period, receipts per visitor country (ISO 3166-1; `null`: unknown). Most receipts first. */
  perCountry: { country: string | null; counts: ActionCounts; total: number }[]
}
