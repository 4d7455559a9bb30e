import type { SiteRole } from '@torii/schema/admin-api'

/**
 * What a caller needs for one admin route:
 * - `open`: no one (login);
 * - `signed-in`: any user with a session (who am I, logout, own password), never a token;
 * - `any-user`: any user (the site list, filtered to their sites), never a token;
 * - `admin`: a global admin (users, new sites, the global audit log, and any route not named here);
 * - `site`: at least `role` on `siteId`; `usersOnly` routes (members, tokens) refuse tokens.
 */
export type RouteAccess =
  | { kind: 'open' | 'signed-in' | 'any-user' | 'admin' }
  | { kind: 'site'; siteId: string; role: SiteRole; usersOnly: boolean }

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const OPEN = new Set(['POST /session'])
const SIGNED_IN = new Set(['GET /session', 'DELETE /session', 'PUT /session/password'])
const SITE_PATH = /^\/sites\/([^/]+)(\/.*)?$/

/** Routes of one site that need its owner, beyond every write needing an editor and every read a viewer. */
function ownerRoute(method: string, rest: string): boolean {
  return (
    (method === 'PATCH' && rest === '') ||
    (method === 'POST' && rest === '/erasure') ||
    /^\/(members|tokens|audit)(\/|$)/.test(rest)
  )
}

/** The access an admin API route (`path` relative to `/api/admin`) needs: one table for every route. */
export function requiredAccess(method: string, path: string): RouteAccess {
  const route = `${method} ${path}`
  if (OPEN.has(route)) return { kind: 'open' }
  if (SIGNED_IN.has(route)) return { kind: 'signed-in' }
  if (route === 'GET /sites') return { kind: 'any-user' }
  const site = SITE_PATH.exec(path)
  if (site) {
    const rest = site[2] ?? ''
    let siteId: string
    try {
      siteId = decodeURIComponent(site[1] ?? '')
    } catch {
      return { kind: 'admin' }
    }
    const role: SiteRole = ownerRoute(method, rest) ? 'owner' : SAFE_METHODS.has(method) ? 'viewer' : 'editor'
    return { kind: 'site', siteId, role, usersOnly: /^\/(members|tokens)(\/|$)/.test(rest) }
  }
  return { kind: 'admin' }
}
