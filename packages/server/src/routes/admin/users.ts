import { MIN_PASSWORD_LENGTH, ROLES, type User } from '@torii/schema'
import { Hono } from 'hono'
import { z } from 'zod'
import { createUser, listUsers, normalizeEmail, removeUser, setRole } from '../../auth/users.ts'
import type { Db } from '../../db/client.ts'
import { ApiException, notFound, readJson, validationError } from '../../lib/errors.ts'

export { MIN_PASSWORD_LENGTH }

/** A new password, for new users and password changes alike. */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024)

const roleSchema = z.enum(ROLES, `must be one of ${ROLES.join(', ')}`)

const newUserSchema = z.strictObject({
  email: z.email('must be an email address').max(320),
  password: passwordSchema,
  role: roleSchema,
})

const roleChangeSchema = z.strictObject({ role: roleSchema })

function lastAdmin(action: string): ApiException {
  return new ApiException(
    409,
    'last_admin',
    `Cannot ${action} the last admin: make another user an admin first`,
    [{ path: 'role', message: 'is the last admin' }]
  )
}

/** `GET|POST /users`, `PATCH|DELETE /users/:email` (admins only, as the gate checks). A user's id is their email. */
export function createUserRoutes(db: Db) {
  const app = new Hono()
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
    await c.var.audit('user.create', { detail: { email: user.email, role: user.role } })
    return c.json({ user }, 201)
  })

  app.patch('/users/:email', async (c) => {
    const parsed = roleChangeSchema.safeParse(await readJson(c))
    if (!parsed.success) throw validationError(parsed.error, 'role change')
    const email = c.req.param('email')
    const result = await setRole(db, email, parsed.data.role)
    if (!result.ok) throw result.reason === 'not_found' ? notFound(`User ${email}`) : lastAdmin('demote')
    await c.var.audit('user.role', { detail: { email: result.value.email, role: result.value.role } })
    return c.json({ user: result.value })
  })

  app.delete('/users/:email', async (c) => {
    const email = c.req.param('email')
    if (normalizeEmail(email) === c.get('session').user.email) {
      throw new ApiException(409, 'self_removal', 'You cannot remove yourself: ask another admin')
    }
    const result = await removeUser(db, email)
    if (!result.ok) throw result.reason === 'not_found' ? notFound(`User ${email}`) : lastAdmin('remove')
    await c.var.audit('user.remove', { detail: { email: normalizeEmail(email) } })
    return c.body(null, 204)
  })
  return app
}
