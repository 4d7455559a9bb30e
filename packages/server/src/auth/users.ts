import type { Role, User } from '@torii/schema/admin-api'
import { asc, count, eq } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { users } from '../db/site-tables.ts'
import { hashPassword } from './password.ts'

export interface UserRecord extends User {
  passwordHash: string
}

export async function findUser(db: Db, email: string): Promise<UserRecord | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1)
  return row ?? null
}

export async function listUsers(db: Db): Promise<User[]> {
  return db
    .select({ email: users.email, role: users.role, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.createdAt), asc(users.email))
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users)
  return row?.n ?? 0
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** Creates a user; null when the email is taken. */
export async function createUser(db: Db, email: string, password: string, role: Role): Promise<User | null> {
  const user: User = { email: normalizeEmail(email), role, createdAt: new Date().toISOString() }
  const passwordHash = await hashPassword(password)
  const rows = await db
    .insert(users)
    .values({ ...user, passwordHash })
    .onConflictDoNothing()
    .returning({ email: users.email })
  return rows.length ? user : null
}
