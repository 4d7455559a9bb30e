import { timingSafeEqual } from 'node:crypto'
import { type AuditAction, CSRF_HEADER, type SiteRole, siteRoleAtLeast } from '@torii/schema'
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { recordAudit } from '../audit/audit-log.ts'
import { type Actor, actorName } from '../auth/actor.ts'
import { findSession, type Session } from '../auth/sessions.ts'
import type { Db } from '../db/client.ts'
import { errorResponse } from '../lib/errors.ts'
import { clientIp, truncateIp } from '../lib/ip.ts'
import { useApiToken } from '../teams/api-tokens.ts'
import { siteRoleOf } from '../teams/site-roles.ts'
import { requiredAccess } from './admin-access.ts'

export const SESSION_COOKIE = 'torii_session'
export const ADMIN_API_BASE = '/api/admin'

/** Records an audit entry as the current actor, from the caller's network. */
export type Audit = (
  action: AuditAction,
  entry?: { siteId?: string | null; detail?: Record<string, unknown>; actor?: string }
) => Promise<void>

declare module 'hono' {
  interface ContextVariableMap {
    /** Set for users signed in with the cookie (not for API tokens). */
    session: Session
    sessionToken: string
    actor: Actor
    /** The caller's role on the site a `/sites/:siteId` route touches. */
    siteRole: SiteRole
    audit: Audit
  }
}

export interface AdminAuthOptions {
  db: Db
  basePath: string
  trustProxy: boolean
  /** The only routes open to a user who signed in with a one-time password (who am I, sign out, change it). */
  beforePasswordChange?: string[]
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const BEARER = /^Bearer\s+(\S+)$/i

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

function forbidden(message: string): Response {
  return errorResponse(403, 'forbidden', message)
}

/**
 * The admin API's one gate. Who: a session cookie (state-changing methods also need the CSRF header) or an
 * `Authorization: Bearer` API token; neither → 401. Then what: the route's access (`requiredAccess`) against
 * the caller's global role or role on the route's site → 403 `forbidden`.
 */
export const adminAuth = (options: AdminAuthOptions): MiddlewareHandler => {
  const { db, basePath, trustProxy } = options
  const beforePasswordChange = new Set(options.beforePasswordChange ?? [])
  return async function adminAuth(c, next) {
    const network = truncateIp(clientIp(c, trustProxy))
    c.set('audit', (action, entry = {}) =>
      recordAudit(db, {
        action,
        actor: entry.actor ?? actorName(c.get('actor')),
        siteId: entry.siteId,
        detail: entry.detail,
        network,
      })
    )
    const access = requiredAccess(c.req.method, c.req.path.slice(basePath.length) || '/')
    if (access.kind === 'open') return next()

    const bearer = BEARER.exec(c.req.header('authorization') ?? '')?.[1]
    let actor: Actor
    if (bearer) {
      const token = await useApiToken(db, bearer)
      if (!token) return errorResponse(401, 'unauthenticated', 'Unknown or revoked API token')
      actor = { kind: 'token', tokenId: token.id, siteId: token.siteId, role: token.role }
    } else {
      const cookie = getCookie(c, SESSION_COOKIE) ?? ''
      const session = cookie ? await findSession(db, cookie) : null
      if (!session) return errorResponse(401, 'unauthenticated', 'Sign in first: no valid session')
      c.set('session', session)
      c.set('sessionToken', cookie)
      const route = `${c.req.method} ${c.req.path.slice(basePath.length) || '/'}`
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
      }
      actor = { kind: 'user', email: session.user.email, role: session.user.role }
    }
    c.set('actor', actor)

    if (access.kind === 'site') {
      const role =
        actor.kind === 'token'
          ? actor.siteId === access.siteId && !access.usersOnly
            ? actor.role
            : null
          : await siteRoleOf(db, actor.email, actor.role, access.siteId)
      if (!siteRoleAtLeast(role, access.role)) {
        return forbidden(
          access.usersOnly && actor.kind === 'token'
            ? 'An API token cannot manage members or tokens'
            : `This needs the ${access.role} role on site "${access.siteId}"`
        )
      }
      c.set('siteRole', role ?? access.role)
    } else if (actor.kind === 'token') {
      return forbidden('An API token may only call the routes of its site')
    } else if (access.kind === 'admin' && actor.role !== 'admin') {
      return forbidden('Only an admin may do this')
    }
    await next()
  }
}
