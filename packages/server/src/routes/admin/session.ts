import type { SessionInfo } from '@torii/schema'
import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import { verifyPassword } from '../../auth/password.ts'
import { createSession, deleteSession } from '../../auth/sessions.ts'
import { findUser } from '../../auth/users.ts'
import type { Db } from '../../db/client.ts'
import { ApiException, readJson, validationError } from '../../lib/errors.ts'
import { clientIp, truncateIp } from '../../lib/ip.ts'
import { ADMIN_API_BASE, SESSION_COOKIE } from '../../middleware/admin-auth.ts'
import { rateLimit } from '../../middleware/rate-limit.ts'

const loginSchema = z.strictObject({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1, 'is required').max(1024),
})

// Verifying against this keeps a login for an unknown email as slow as for a known one.
const DUMMY_HASH = 'scrypt$32768$8$3$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

export interface SessionRoutesOptions {
  db: Db
  trustProxy: boolean
  /** Login attempts per truncated IP per 15 minutes. */
  loginRateLimit: number
}

/** `POST|GET|DELETE /session`: sign in (sets the HttpOnly cookie, returns the CSRF token), who am I, sign out. */
export function createSessionRoutes({ db, trustProxy, loginRateLimit }: SessionRoutesOptions) {
  const app = new Hono()

  app.post(
    '/session',
    rateLimit({
      limit: loginRateLimit,
      windowMs: 15 * 60_000,
      key: (c) => truncateIp(clientIp(c, trustProxy)) ?? 'unknown',
    }),
    async (c) => {
      const parsed = loginSchema.safeParse(await readJson(c))
      if (!parsed.success) throw validationError(parsed.error, 'login')
      const { email, password } = parsed.data
      const user = await findUser(db, email)
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
      if (!user || !ok) throw new ApiException(401, 'bad_credentials', 'Wrong email or password')
      const session = await createSession(db, user.email)
      const secure =
        new URL(c.req.url).protocol === 'https:' ||
        (trustProxy && c.req.header('x-forwarded-proto') === 'https')
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure,
        // Only the API needs it: never sent with gate, asset or demo requests.
        path: ADMIN_API_BASE,
        expires: new Date(session.expiresAt),
      })
      const info: SessionInfo = {
        user: { email: user.email, role: user.role, createdAt: user.createdAt },
        csrfToken: session.csrfToken,
      }
      return c.json(info)
    }
  )

  app.get('/session', (c) => {
    const { user, csrfToken } = c.get('session')
    return c.json({ user, csrfToken } satisfies SessionInfo)
  })

  app.delete('/session', async (c) => {
    await deleteSession(db, c.get('sessionToken'))
    deleteCookie(c, SESSION_COOKIE, { path: ADMIN_API_BASE })
    return c.body(null, 204)
  })

  return app
}
