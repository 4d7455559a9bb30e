import type { SiteConfig } from '@torii/schema'
import type { AuditAction, Role, SiteRole } from '@torii/schema/admin-api'
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Times are ISO 8601 UTC strings: sortable, readable in exports, the same on every libSQL host. */
export const sites = sqliteTable('sites', {
  id: text().primaryKey(),
  name: text().notNull(),
  origins: text({ mode: 'json' }).$type<string[]>().notNull(),
  languages: text({ mode: 'json' }).$type<string[]>().notNull(),
  liveRevision: integer(),
  createdAt: text().notNull(),
  /** IANA name: the admin's insights count days in it. */
  timeZone: text().notNull().default('UTC'),
})

/** One editable draft config per site. */
export const drafts = sqliteTable('drafts', {
  siteId: text()
    .primaryKey()
    .references(() => sites.id),
  config: text({ mode: 'json' }).$type<SiteConfig>().notNull(),
  updatedAt: text().notNull(),
  updatedBy: text(),
})

/** Published revisions: immutable once written (never updated, never deleted). */
export const revisions = sqliteTable(
  'revisions',
  {
    siteId: text()
      .notNull()
      .references(() => sites.id),
    number: integer().notNull(),
    hash: text().notNull(),
    config: text({ mode: 'json' }).$type<SiteConfig>().notNull(),
    publishedAt: text().notNull(),
    publishedBy: text(),
    note: text(),
  },
  (table) => [primaryKey({ columns: [table.siteId, table.number] })]
)

export const users = sqliteTable('users', {
  email: text().primaryKey(),
  passwordHash: text().notNull(),
  role: text().$type<Role>().notNull(),
  createdAt: text().notNull(),
})

export const sessions = sqliteTable('sessions', {
  /** SHA-256 of the session token: a leaked database does not leak live sessions. */
  tokenHash: text().primaryKey(),
  email: text()
    .notNull()
    .references(() => users.email),
  csrfToken: text().notNull(),
  expiresAt: text().notNull(),
  createdAt: text().notNull(),
})

/** Roles granted per site; a global admin or viewer needs no row here (see `siteRoleOf`). */
export const siteMembers = sqliteTable(
  'site_members',
  {
    siteId: text()
      .notNull()
      .references(() => sites.id),
    email: text()
      .notNull()
      .references(() => users.email),
    role: text().$type<SiteRole>().notNull(),
    createdAt: text().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.siteId, table.email] }),
    index('site_members_email').on(table.email),
  ]
)

/** API tokens: one site, one role. Revoked tokens stay listed (and in the audit log's `token:ID`). */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text().primaryKey(),
    /** SHA-256 of the secret, as for sessions: the database never holds a usable token. */
    tokenHash: text().notNull().unique(),
    name: text().notNull(),
    siteId: text()
      .notNull()
      .references(() => sites.id),
    role: text().$type<SiteRole>().notNull(),
    createdAt: text().notNull(),
    createdBy: text().notNull(),
    lastUsedAt: text(),
    revokedAt: text(),
  },
  (table) => [index('api_tokens_site').on(table.siteId)]
)

/** Admin actions, append-only: the migration adds triggers that refuse UPDATE and DELETE. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: text().notNull(),
    actor: text().notNull(),
    action: text().$type<AuditAction>().notNull(),
    siteId: text(),
    detail: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    network: text(),
  },
  (table) => [index('audit_log_site').on(table.siteId, table.id)]
)
