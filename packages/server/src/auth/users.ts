import type { Role, User } from '@torii/schema/admin-api'
import { and, asc, count, eq, sql } from 'drizzle-orm'
import { byteOrder } from '../db/byte-order.ts'
import type { Db } from '../db/client.ts'
import type { Schema } from '../db/define-schema.ts'
import { serializedBatch } from '../db/serialized-transaction.ts'
import { tablesOf } from '../db/tables-of.ts'
import { hashPassword } from './password.ts'

export interface UserRecord extends User {
  passwordHash: string
}

export async function findUser(db: Db, email: string): Promise<UserRecord | null> {
  const { users } = tablesOf(db)
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1)
  return row ?? null
}

export async function listUsers(db: Db): Promise<User[]> {
  const { users } = tablesOf(db)
  return db
    .select({ email: users.email, role: users.role, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.createdAt), asc(byteOrder(db, users.email)))
}

export async function countUsers(db: Db): Promise<number> {
  const { users } = tablesOf(db)
  const [row] = await db.select({ n: count() }).from(users)
  return row?.n ?? 0
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** Creates a user; null when the email is taken. */
export async function createUser(db: Db, email: string, password: string, role: Role): Promise<User | null> {
  const { users } = tablesOf(db)
  const user: User = { email: normalizeEmail(email), role, createdAt: new Date().toISOString() }
  const passwordHash = await hashPassword(password)
  const rows = await db
    .insert(users)
    .values({ ...user, passwordHash })
    .onConflictDoNothing()
    .returning({ email: users.email })
  return rows.length ? user : null
}

/** Replaces a user's password hash; false when there is no such user. */
export async function setPassword(db: Db, email: string, password: string): Promise<boolean> {
  const { users } = tablesOf(db)
  const passwordHash = await hashPassword(password)
  const rows = await db
    .update(users)
    .set({ passwordHash })
    .where(eq(users.email, normalizeEmail(email)))
    .returning({ email: users.email })
  return rows.length > 0
}

// True unless the row is an admin and the only one: checked in the same statement as the write, so two
// admins demoting each other at once cannot both succeed.
const leavesAnAdmin = (users: Schema['users']) =>
  sql`(${users.role} <> 'admin' or (select count(*) from ${users} where ${users.role} = 'admin') > 1)`

export type UserChange<T> = { ok: true; value: T } | { ok: false; reason: 'not_found' | 'last_admin' }

/** Changes a user's role; refuses demoting the last admin. */
export async function setRole(db: Db, email: string, role: Role): Promise<UserChange<User>> {
  const { users } = tablesOf(db)
  const key = normalizeEmail(email)
  const guard = role === 'admin' ? undefined : leavesAnAdmin(users)
  const [[row]] = await serializedBatch(db, (tx) => [
    tx
      .update(users)
      .set({ role })
      .where(and(eq(users.email, key), guard))
      .returning({ email: users.email, role: users.role, createdAt: users.createdAt }),
  ])
  if (row) return { ok: true, value: row }
  return { ok: false, reason: (await findUser(db, key)) ? 'last_admin' : 'not_found' }
}

/** Removes a user, their site roles and sessions in one transaction; refuses removing the last admin. */
export async function removeUser(db: Db, email: string): Promise<UserChange<null>> {
  const { sessions, siteMembers, users } = tablesOf(db)
  const key = normalizeEmail(email)
  const deletable = sql`exists (select 1 from ${users} where ${users.email} = ${key} and ${leavesAnAdmin(users)})`
  // Sessions and site roles first (they reference the user), under the same condition as the user row.
  const [, , removed] = await serializedBatch(db, (tx) => [
    tx.delete(sessions).where(and(eq(sessions.email, key), deletable)),
    tx.delete(siteMembers).where(and(eq(siteMembers.email, key), deletable)),
    tx
      .delete(users)
      .where(and(eq(users.email, key), leavesAnAdmin(users)))
      .returning({ email: users.email }),
  ])
  if (removed.length) return { ok: true, value: null }
  return { ok: false, reason: (await findUser(db, key)) ? 'last_admin' : 'not_found' }
}
