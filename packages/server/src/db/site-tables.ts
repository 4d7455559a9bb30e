import type { SiteConfig } from '@torii/schema'
import type { Role } from '@torii/schema/admin-api'
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

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
