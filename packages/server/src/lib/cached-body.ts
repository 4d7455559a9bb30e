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

/** Serves a cached body (gzip when accepted) with its ETag; Hono's etag middleware answers the 304. */
export function sendCached(c: Context, body: CachedBody, cacheControl: string): Response {
  const gzip = acceptsGzip(c.req.header('accept-encoding'))
  const headers: Record<string, string> = {
    'Content-Type': body.contentType,
    'Cache-Control': cacheControl,
    ETag: gzip ? body.gzipEtag : body.etag,
    Vary: 'Accept-Encoding',
  }
  if (gzip) headers['Content-Encoding'] = 'gzip'
  return c.body(gzip ? body.gzip : body.identity, 200, headers)
}
