import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { MiddlewareHandler } from 'hono'

export interface StaticOptions {
  root: string
  /** Strip this prefix from the request path before looking in `root`. */
  stripPrefix?: string
  cacheControl: string
}

/**
 * Hono's node serveStatic on a folder that may not exist yet (the bundles are built after the server
 * may have started): created on first use once the folder exists.
 */
export const staticFolder = (options: StaticOptions): MiddlewareHandler => {
  let handler: MiddlewareHandler | null = null
  const { root, stripPrefix, cacheControl } = options
  return async function staticFolder(c, next) {
    if (!handler) {
      if (!existsSync(root)) return next()
      handler = serveStatic({
        root,
        rewriteRequestPath: stripPrefix ? (path) => path.slice(stripPrefix.length) || '/' : undefined,
      })
    }
    const res = await handler(c, next)
    if (res instanceof Response && res.ok) res.headers.set('Cache-Control', cacheControl)
    return res
  }
}

export function assetsFolder(dist: string): string {
  return join(dist, 'assets')
}
