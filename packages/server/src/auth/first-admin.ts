import { eq } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { tablesOf } from '../db/tables-of.ts'
import { generatePassword, hashPassword, verifyPassword } from './password.ts'
import { countUsers, findUser, normalizeEmail } from './users.ts'

/** The email of the admin a new database gets on a server others can reach. */
export const FIRST_ADMIN_EMAIL = 'admin@example.com'

/** An account created with a generated password, to be printed once. */
export interface OneTimeLogin {
  email: string
  password: string
}

/**
 * On a database with no user: creates the first admin with a generated one-time password, which signs in
 * once and must then be changed before the API allows anything else. Null when there are users already.
 */
export async function createOneTimeAdmin(db: Db): Promise<OneTimeLogin | null> {
  const { users } = tablesOf(db)
  if ((await countUsers(db)) > 0) return null
  const password = generatePassword()
  const rows = await db
    .insert(users)
    .values({
      email: FIRST_ADMIN_EMAIL,
      role: 'admin',
      createdAt: new Date().toISOString(),
      passwordHash: await hashPassword(password, { oneTime: true }),
    })
    .onConflictDoNothing()
    .returning({ email: users.email })
  return rows.length ? { email: FIRST_ADMIN_EMAIL, password } : null
}

/**
 * A database seeded on a laptop and then served to others keeps the demo admin's published password: that
 * password is replaced by a generated one-time one (returned, to be printed once). Null when the account is
 * absent or its password is not the published one.
 */
export async function replacePublishedPassword(
  db: Db,
  published: OneTimeLogin
): Promise<OneTimeLogin | null> {
  const { users } = tablesOf(db)
  const user = await findUser(db, published.email)
  if (!user || !(await verifyPassword(published.password, user.passwordHash))) return null
  const password = generatePassword()
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password, { oneTime: true }) })
    .where(eq(users.email, normalizeEmail(published.email)))
  return { email: user.email, password }
}
