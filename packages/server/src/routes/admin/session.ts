import type { SessionInfo } from '@torii/schema'
import { type Context, Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import type { HashingQueue } from '../../auth/hashing-queue.ts'
import { createLoginLimits } from '../../auth/login-limits.ts'
import { mustChangePassword, verifyPassword } from '../../auth/password.ts'
import { createSession, deleteSession, endOtherSessions } from '../../auth/sessions.ts'
import { findUser, normalizeEmail, setPassword } from '../../auth/users.ts'
import type { Db } from '../../db/client.ts'
import { ApiException, errorResponse, readJson, validationError } from '../../lib/errors.ts'
import { clientIp, truncateIp } from '../../lib/ip.ts'
import { ADMIN_API_BASE, SESSION_COOKIE } from '../../middleware/admin-auth.ts'
import { rateLimitedResponse } from '../../middleware/rate-limit.ts'
import { passwordSchema } from './users.ts'

const loginSchema = z.strictObject({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1, 'is required').max(1024),
})

const passwordChangeSchema = z
  .strictObject({
    currentPassword: z.string().min(1, 'is required').max(1024),
    newPassword: passwordSchema,
  })
  .refine((body) => body.newPassword.normalize('NFKC') !== body.currentPassword.normalize('NFKC'), {
    path: ['newPassword'],
    message: 'must differ from the current password',
  })

// Verifying against this keeps a login for an unknown email as slow as for a known one.
const DUMMY_HASH = 'scrypt$32768$8$3$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

export interface SessionRoutesOptions {
  db: Db
  trustProxy: boolean
  /** `TORII_PUBLIC_URL`: an `https:` one marks the session cookie Secure whatever the proxy forwards. */
  publicUrl?: string
  /** Login attempts per truncated IP in any 15 minutes. */
  loginRateLimit: number
  /** Where password checks wait for a thread (default the process's queue). */
  hashingQueue?: HashingQueue
}

/**
 * `POST|GET|DELETE /session`: sign in (sets the HttpOnly cookie, returns the CSRF token), who am I, sign out;
 * `PUT /session/password`: change my own password.
 */
export function createSessionRoutes(options: SessionRoutesOptions) {
  const { db, trustProxy, publicUrl, loginRateLimit, hashingQueue } = options
  const app = new Hono()
  const { networkLogins, accountLogins, passwordChanges } = createLoginLimits(db, loginRateLimit)
  const publicHttps = publicUrl?.toLowerCase().startsWith('https:') ?? false
  /**
   * Whether the browser reached us over HTTPS: the public URL says so, or the request itself, or (behind a
   * trusted proxy) `X-Forwarded-Proto`, whose first entry is the client's scheme when proxies chain
   * (`https, http`), compared without case.
   */
  const isHttps = (c: Context) =>
    publicHttps ||
    new URL(c.req.url).protocol === 'https:' ||
    (trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https')

  // Two limits: attempts per network (a sliding window), then failures per account (exponential backoff),
  // both checked before the password is hashed, so refused attempts cost no scrypt.
  app.post('/session', async (c) => {
    const network = await networkLogins.hit(truncateIp(clientIp(c, trustProxy)) ?? 'unknown')
    if (network.limited) return rateLimitedResponse(network)
    for (const [name, value] of Object.entries(network.headers)) c.header(name, value)
    const parsed = loginSchema.safeParse(await readJson(c))
    if (!parsed.success) throw validationError(parsed.error, 'login')
    const { email, password } = parsed.data
    const account = normalizeEmail(email)
    const backoff = await accountLogins.attempt(account)
    if (!backoff.allowed) {
      const seconds = Math.ceil(backoff.retryAfterMs / 1000)
      return errorResponse(
        429,
        'rate_limited',
        `Too many failed logins for this account; try again in ${seconds} s`,
        undefined,
        { 'Retry-After': String(seconds) }
      )
    }
    const user = await findUser(db, email)
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH, hashingQueue)
    if (!user || !ok) {
      await c.var.audit('login.failure', { actor: account, detail: { known: Boolean(user) } })
      throw new ApiException(401, 'bad_credentials', 'Wrong email or password')
    }
    await c.var.audit('login.success', { actor: user.email })
    await accountLogins.succeeded(account)
    const session = await createSession(db, user.email)
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: isHttps(c),
      // Only the API needs it: never sent with gate, asset or demo requests.
      path: ADMIN_API_BASE,
      expires: new Date(session.expiresAt),
    })
    const info: SessionInfo = {
      user: { email: user.email, role: user.role, createdAt: user.createdAt },
      csrfToken: session.csrfToken,
      ...(mustChangePassword(user.passwordHash) ? { mustChangePassword: true as const } : {}),
    }
    return c.json(info)
  })

  app.get('/session', (c) => {
    const { user, csrfToken, mustChangePassword: oneTime } = c.get('session')
    const info: SessionInfo = { user, csrfToken, ...(oneTime ? { mustChangePassword: true } : {}) }
    return c.json(info)
  })

  app.delete('/session', async (c) => {
    await deleteSession(db, c.get('sessionToken'))
    deleteCookie(c, SESSION_COOKIE, { path: ADMIN_API_BASE })
    return c.body(null, 204)
  })

  // Any signed-in role (the gate's one write exception for viewers). Attempts count per user, as many as
  // logins per IP, so a stolen session cannot be used to guess the password.
  app.put('/session/password', async (c) => {
    const { email } = c.get('session').user
    const attempts = await passwordChanges.hit(email)
    if (attempts.limited) return rateLimitedResponse(attempts)
    const parsed = passwordChangeSchema.safeParse(await readJson(c))
    if (!parsed.success) throw validationError(parsed.error, 'password change')
    const user = await findUser(db, email)
    if (!user || !(await verifyPassword(parsed.data.currentPassword, user.passwordHash, hashingQueue))) {
      throw new ApiException(400, 'wrong_password', 'The current password is wrong', [
        { path: 'currentPassword', message: 'is not your current password' },
      ])
    }
    await setPassword(db, email, parsed.data.newPassword)
    // Whoever else holds a session (another browser, a thief) must sign in with the new password.
    await endOtherSessions(db, email, c.get('sessionToken'))
    return c.body(null, 204)
  })

  return app
}
