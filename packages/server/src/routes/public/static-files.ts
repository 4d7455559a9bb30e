import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { MiddlewareHandler } from 'hono'

export interface StaticOptions {
  root: string
  /** Strip this prefix from the request path before looking in `root`. */
  stripPrefix?: string
  cacheControl: string
  /** Serve `<file>.br` / `<file>.gz` built beside a file when the client accepts that coding. */
  precompressed?: boolean
}

/**
 * Hono's node serveStatic on a folder that may not exist yet (the bundles are built after the server
 * may have started): created on first use once the folder exists.
 */
export const staticFolder = (options: StaticOptions): MiddlewareHandler => {
  let handler: MiddlewareHandler | null = null
  const { root, stripPrefix, cacheControl, precompressed = false } = options
  return async function staticFolder(c, next) {
    if (!handler) {
      if (!existsSync(root)) return next()
      handler = serveStatic({
        root,
        precompressed,
        rewriteRequestPath: stripPrefix ? (path) => path.slice(stripPrefix.length) || '/' : undefined,
      })
    }
    const res = await handler(c, next)
    if (res instanceof Response && res.ok) {
      res.headers.set('Cache-Control', cacheControl)
      // The plain answer too: a shared cache must not hand it to a client that would get the smaller one.
      if (precompressed && !res.headers.get('Vary')) res.headers.set('Vary', 'Accept-Encoding')
    }
    return res
  }
}

export function assetsFolder(dist: string): string {
  return join(dist, 'assets')
}
