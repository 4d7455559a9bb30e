import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Context } from 'hono'

/** The content codings a cached body is kept in, best first. */
export const ENCODINGS = ['br', 'gzip', 'identity'] as const
export type Encoding = (typeof ENCODINGS)[number]

/** A response body rendered once and served many times: each coding's bytes, each with a strong ETag. */
export interface CachedBody {
  contentType: string
  bytes: Record<Encoding, Uint8Array<ArrayBuffer>>
  etags: Record<Encoding, string>
}

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * Renders the codings once, off the event loop (zlib's thread pool): brotli at its best quality (~9 ms for
 * the gate, once per revision) because the gate is downloaded on every page view of every site.
 */
export async function createCachedBody(text: string, contentType: string): Promise<CachedBody> {
  const identity = new Uint8Array(Buffer.from(text, 'utf8'))
  const digest = createHash('sha256').update(identity).digest('base64url').slice(0, 32)
  const [br, gz] = await Promise.all([
    brotli(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    gzipAsync(identity, { level: 9 }),
  ])
  return {
    contentType,
    bytes: { br: new Uint8Array(br), gzip: new Uint8Array(gz), identity },
    // Each representation needs its own strong validator (RFC 9110 §8.8.3).
    etags: { br: `"${digest}-br"`, gzip: `"${digest}-gz"`, identity: `"${digest}"` },
  }
}

/**
 * The coding `Accept-Encoding` prefers (RFC 9110 §12.5.3): of br and gzip, the one with the higher q-value
 * above zero (listed, or covered by `*`), br on a tie; none when neither is acceptable.
 */
export function pickEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity'
  const q: Record<string, number> = {}
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';')
    const value = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='))
    const qValue = value === undefined ? 1 : Number(value.slice(2))
    if (name) q[name.trim().toLowerCase()] = Number.isFinite(qValue) ? qValue : 0
  }
  const weight = (coding: string) => q[coding] ?? q['*'] ?? 0
  const brWeight = weight('br')
  const gzipWeight = weight('gzip')
  if (brWeight > 0 && brWeight >= gzipWeight) return 'br'
  return gzipWeight > 0 ? 'gzip' : 'identity'
}

const VARY_CODING = 'Accept-Encoding'

/**
 * `Vary` for a route whose answer also depends on `names` (the geo headers of a region's gate), beside the
 * coding: built once, not joined on each request.
 */
export function varyWithCoding(names: readonly string[]): string {
  return [VARY_CODING, ...names].join(', ')
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
 * Serves a cached body in the best coding the client accepts, with its ETag, or `304` when the client
 * holds it. Every header goes out with the response at once (`headers` adds the route's): on these paths,
 * served on every page view, middleware that reads or sets headers after the fact (Hono's etag, secure
 * headers) would make @hono/node-server turn each answer into a full web Response and stream, several
 * times the cost. A `Vary` in `headers` replaces `Accept-Encoding`: build it with `varyWithCoding`.
 */
export function sendCached(
  c: Context,
  body: CachedBody,
  cacheControl: string,
  headers: Record<string, string> = {}
): Response {
  const encoding = pickEncoding(c.req.header('accept-encoding'))
  const etag = body.etags[encoding]
  const vary = headers.Vary ?? VARY_CODING
  const common = { ...headers, 'Cache-Control': cacheControl, ETag: etag, Vary: vary }
  if (matchesIfNoneMatch(c.req.header('if-none-match'), etag))
    return new Response(null, { status: 304, headers: common })
  const full: Record<string, string> = { ...common, 'Content-Type': body.contentType }
  if (encoding !== 'identity') full['Content-Encoding'] = encoding
  return new Response(body.bytes[encoding], { status: 200, headers: full })
}
