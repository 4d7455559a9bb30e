import { timingSafeEqual } from 'node:crypto'
import { CSRF_HEADER } from '@torii/schema'
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { findSession, type Session } from '../auth/sessions.ts'
import type { Db } from '../db/client.ts'
import { errorResponse } from '../lib/errors.ts'

export const SESSION_COOKIE = 'torii_session'
export const ADMIN_API_BASE = '/api/admin'

declare module 'hono' {
  interface ContextVariableMap {
    session: Session
    sessionToken: string
  }
}

export interface AdminAuthOptions {
  db: Db
  /** Routes open without a session (login), as `METHOD path` relative to the API root. */
  public?: string[]
  /** Routes any signed-in role may call with a non-GET method: logout and changing one's own password. */
  anyRole?: string[]
  /** The only routes open to a user who signed in with a one-time password (who am I, sign out, change it). */
  beforePasswordChange?: string[]
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * The admin API's one gate: no session → 401; a state-changing method needs the CSRF token
 * header (403) and the `admin` role (viewer → 403), except the `anyRole` routes (still CSRF-checked).
 */
export const adminAuth = (options: AdminAuthOptions & { basePath: string }): MiddlewareHandler => {
  const { db, basePath } = options
  const open = new Set(options.public ?? [])
  const anyRole = new Set(options.anyRole ?? [])
  const beforePasswordChange = new Set(options.beforePasswordChange ?? [])
  return async function adminAuth(c, next) {
    const route = `${c.req.method} ${c.req.path.slice(basePath.length) || '/'}`
    if (open.has(route)) return next()
    const token = getCookie(c, SESSION_COOKIE) ?? ''
    const session = token ? await findSession(db, token) : null
    if (!session) return errorResponse(401, 'unauthenticated', 'Sign in first: no valid session')
    c.set('session', session)
    c.set('sessionToken', token)
    if (session.mustChangePassword && !beforePasswordChange.has(route)) {
      return errorResponse(
        403,
        'password_change_required',
        'Change the one-time password first (PUT /api/admin/session/password)'
      )
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header(CSRF_HEADER) ?? ''
      if (!sameToken(sent, session.csrfToken)) {
        return errorResponse(403, 'csrf', `Missing or wrong ${CSRF_HEADER} header`)
      }
      if (session.user.role !== 'admin' && !anyRole.has(route)) {
        return errorResponse(403, 'forbidden', `Role "${session.user.role}" may not change anything`)
      }
    }
    await next()
  }
}

/** For reads only admins may make (the user list). */
export const requireAdmin: MiddlewareHandler = async function requireAdmin(c, next) {
  if (c.get('session').user.role !== 'admin') {
    return errorResponse(403, 'forbidden', 'Only an admin may do this')
  }
  await next()
}
