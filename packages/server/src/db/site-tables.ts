import type { SiteConfig } from '@torii/schema'
import type { AuditAction, Role, SiteRole } from '@torii/schema/admin-api'
import type { TableKit } from './table-kit.ts'

/** Sites, drafts, revisions, users, sessions, roles, API tokens and the audit log, built with the engine's kit. */
export function siteTables(k: TableKit) {
  /** Times are ISO 8601 UTC strings: sortable, readable in exports, the same on every libSQL host. */
  const sites = k.table('sites', {
    id: k.text().primaryKey(),
    name: k.text().notNull(),
    origins: k.json<string[]>().notNull(),
    languages: k.json<string[]>().notNull(),
    liveRevision: k.integer(),
    createdAt: k.text().notNull(),
    /** IANA name: the admin's insights count days in it. */
    timeZone: k.text().notNull().default('UTC'),
  })

  /** One editable draft config per site. */
  const drafts = k.table('drafts', {
    siteId: k
      .text()
      .primaryKey()
      .references(() => sites.id),
    config: k.json<SiteConfig>().notNull(),
    updatedAt: k.text().notNull(),
    updatedBy: k.text(),
  })

  /** Published revisions: immutable once written (never updated, never deleted). */
  const revisions = k.table(
    'revisions',
    {
      siteId: k
        .text()
        .notNull()
        .references(() => sites.id),
      number: k.integer().notNull(),
      hash: k.text().notNull(),
      config: k.json<SiteConfig>().notNull(),
      publishedAt: k.text().notNull(),
      publishedBy: k.text(),
      note: k.text(),
    },
    (table) => [k.primaryKey({ columns: [table.siteId, table.number] })]
  )

  const users = k.table('users', {
    email: k.text().primaryKey(),
    passwordHash: k.text().notNull(),
    role: k.text().$type<Role>().notNull(),
    createdAt: k.text().notNull(),
  })

  const sessions = k.table('sessions', {
    /** SHA-256 of the session token: a leaked database does not leak live sessions. */
    tokenHash: k.text().primaryKey(),
    email: k
      .text()
      .notNull()
      .references(() => users.email),
    csrfToken: k.text().notNull(),
    expiresAt: k.text().notNull(),
    createdAt: k.text().notNull(),
  })

  /** Roles granted per site; a global admin or viewer needs no row here (see `siteRoleOf`). */
  const siteMembers = k.table(
    'site_members',
    {
      siteId: k
        .text()
        .notNull()
        .references(() => sites.id),
      email: k
        .text()
        .notNull()
        .references(() => users.email),
      role: k.text().$type<SiteRole>().notNull(),
      createdAt: k.text().notNull(),
    },
    (table) => [
      k.primaryKey({ columns: [table.siteId, table.email] }),
      k.index('site_members_email').on(table.email),
    ]
  )

  /** API tokens: one site, one role. Revoked tokens stay listed (and in the audit log's `token:ID`). */
  const apiTokens = k.table(
    'api_tokens',
    {
      id: k.text().primaryKey(),
      /** SHA-256 of the secret, as for sessions: the database never holds a usable token. */
      tokenHash: k.text().notNull().unique(),
      name: k.text().notNull(),
      siteId: k
        .text()
        .notNull()
        .references(() => sites.id),
      role: k.text().$type<SiteRole>().notNull(),
      createdAt: k.text().notNull(),
      createdBy: k.text().notNull(),
      lastUsedAt: k.text(),
      revokedAt: k.text(),
    },
    (table) => [k.index('api_tokens_site').on(table.siteId)]
  )

  /** Admin actions, append-only: the migration adds triggers that refuse UPDATE and DELETE. */
  const auditLog = k.table(
    'audit_log',
    {
      id: k.autoId(),
      at: k.text().notNull(),
      actor: k.text().notNull(),
      action: k.text().$type<AuditAction>().notNull(),
      siteId: k.text(),
      detail: k.json<Record<string, unknown>>(),
      network: k.text(),
    },
    (table) => [k.index('audit_log_site').on(table.siteId, table.id)]
  )
  return { sites, drafts, revisions, users, sessions, siteMembers, apiTokens, auditLog }
}
