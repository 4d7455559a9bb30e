import { ROLES, type User } from '@torii/schema'
import { Hono } from 'hono'
import { z } from 'zod'
import { createUser, listUsers } from '../../auth/users.ts'
import type { Db } from '../../db/client.ts'
import { ApiException, readJson, validationError } from '../../lib/errors.ts'
import { requireAdmin } from '../../middleware/admin-auth.ts'

export const MIN_PASSWORD_LENGTH = 10

const newUserSchema = z.strictObject({
  email: z.email('must be an email address').max(320),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024),
  role: z.enum(ROLES, 'must be "admin" or "viewer"'),
})

/** `GET|POST /users` (admins only). */
export function createUserRoutes(db: Db) {
  const app = new Hono()
  app.use('/users', requireAdmin)
  app.get('/users', async (c) => c.json({ users: await listUsers(db) }))
  app.post('/users', async (c) => {
    const parsed = newUserSchema.safeParse(await readJson(c))
    if (!parsed.success) throw validationError(parsed.error, 'user')
    const user: User | null = await createUser(db, parsed.data.email, parsed.data.password, parsed.data.role)
    if (!user) {
      throw new ApiException(409, 'user_exists', `A user ${parsed.data.email} already exists`, [
        { path: 'email', message: 'is already taken' },
      ])
    }
    return c.json({ user }, 201)
  })
  return app
}
