import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { Context } from 'hono'

/** A response body rendered once and served many times: identity and gzip bytes, each with a strong ETag. */
export interface CachedBody {
  contentType: string
  identity: Uint8Array<ArrayBuffer>
  gzip: Uint8Array<ArrayBuffer>
  etag: string
  gzipEtag: string
}

export function createCachedBody(text: string, contentType: string): CachedBody {
  const identity = new Uint8Array(Buffer.from(text, 'utf8'))
  const digest = createHash('sha256').update(identity).digest('base64url').slice(0, 32)
  return {
    contentType,
    identity,
    gzip: new Uint8Array(gzipSync(identity, { level: 9 })),
    etag: `"${digest}"`,
    // A different representation needs its own strong validator (RFC 9110 §8.8.3).
    gzipEtag: `"${digest}-gz"`,
  }
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';')
    if (name?.trim().toLowerCase() !== 'gzip') return false
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return !q || Number(q.slice(2)) > 0
  })
}

/** Whether `If-None-Match` names this ETag (weak comparison, RFC 9110 §13.1.2) or is `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((part) => {
    const tag = part.trim()
    return tag === '*' || tag === etag || tag === `W/${etag}`
  })
}

/**
 * Serves a cached body (gzip when accepted) with its ETag, or `304` when the client holds it. Every header
 * goes out with the response at once (`headers` adds the route's): on these paths, served on every page
 * view, middleware that reads or sets headers after the fact (Hono's etag, secure headers) would make
 * @hono/node-server turn each answer into a full web Response and stream, several times the cost.
 */
export function sendCached(
  c: Context,
  body: CachedBody,
  cacheControl: string,
  headers: Record<string, string> = {}
): Response {
  const gzip = acceptsGzip(c.req.header('accept-encoding'))
  const etag = gzip ? body.gzipEtag : body.etag
  const common = { ...headers, 'Cache-Control': cacheControl, ETag: etag, Vary: 'Accept-Encoding' }
  if (matchesIfNoneMatch(c.req.header('if-none-match'), etag))
    return new Response(null, { status: 304, headers: common })
  const full: Record<string, string> = { ...common, 'Content-Type': body.contentType }
  if (gzip) full['Content-Encoding'] = 'gzip'
  return new Response(gzip ? body.gzip : body.identity, { status: 200, headers: full })
}
