import { createHash, randomBytes } from 'node:crypto'
import type { User } from '@torii/schema'
import { and, eq, lt, ne } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { tablesOf } from '../db/tables-of.ts'
import { mustChangePassword } from './password.ts'

/** Sessions last 12 hours from login: a working day, not a week on a shared computer. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

export interface Session {
  user: User
  csrfToken: string
  expiresAt: string
  /** The user signed in with a one-time password: nothing but changing it is allowed. */
  mustChangePassword: boolean
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function randomToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Starts a session; returns the secret cookie token (stored only as its hash) and the CSRF token. */
export async function createSession(
  db: Db,
  email: string
): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const { sessions } = tablesOf(db)
  const token = randomToken()
  const csrfToken = randomToken()
  const now = new Date()
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString()
  // Logins are rare: a good moment to drop expired sessions.
  await db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()))
  await db
    .insert(sessions)
    .values({ tokenHash: tokenHash(token), email, csrfToken, expiresAt, createdAt: now.toISOString() })
  return { token, csrfToken, expiresAt }
}

/** The live session of a cookie token, or null (unknown or expired). */
export async function findSession(db: Db, token: string): Promise<Session | null> {
  const { sessions, users } = tablesOf(db)
  if (!token || token.length > 100) return null
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
      passwordHash: users.passwordHash,
    })
    .from(sessions)
    .innerJoin(users, eq(users.email, sessions.email))
    .where(eq(sessions.tokenHash, tokenHash(token)))
    .limit(1)
  if (!row || row.expiresAt <= new Date().toISOString()) return null
  return {
    user: { email: row.email, role: row.role, createdAt: row.createdAt },
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
    mustChangePassword: mustChangePassword(row.passwordHash),
  }
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  const { sessions } = tablesOf(db)
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)))
}

/** Ends every session of a user except the one with `keepToken` (after a password change). */
export async function endOtherSessions(db: Db, email: string, keepToken: string): Promise<void> {
  const { sessions } = tablesOf(db)
  await db
    .delete(sessions)
    .where(and(eq(sessions.email, email), ne(sessions.tokenHash, tokenHash(keepToken))))
}
