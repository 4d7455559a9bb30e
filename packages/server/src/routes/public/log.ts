import { LogError, parseTilePath } from '@torii/schema/log'
import { Hono } from 'hono'
import type { Ledger } from '../../ledger/types.ts'
import { ApiException, notFound } from '../../lib/errors.ts'

/** Full tiles and entry bundles never change (tlog-tiles): cacheable forever. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** The checkpoint moves on with every seal: a client may keep it a few seconds at most. */
const CHECKPOINT_CACHE = 'public, max-age=2'
/** A partial tile is replaced by a wider one as the log grows. */
const PARTIAL_CACHE = 'public, max-age=10'
const VKEY_CACHE = 'public, max-age=300'

const SIZE = /^(0|[1-9][0-9]{0,15})$/

/** A query size: a decimal without sign or leading zeros, or a 400 naming the parameter. */
function sizeParam(name: string, value: string | undefined): number {
  if (value === undefined || !SIZE.test(value) || !Number.isSafeInteger(Number(value)))
    throw new ApiException(
      400,
      'bad_request',
      `${name} must be a tree size (a whole number), got ${JSON.stringify(value ?? null)}`
    )
  return Number(value)
}

/**
 * The receipt log as C2SP tlog-tiles under `/log/` (docs/log-format.md): `checkpoint`, hash tiles, entry
 * bundles (the 32-byte entries only, never receipt content), `vkey`, and `consistency?from&to` (JSON).
 */
export function createLogRoutes(ledger: Ledger) {
  const app = new Hono()
  app.use('/log/*', async (c, next) => {
    await next()
    c.header('Access-Control-Allow-Origin', '*')
  })
  app.get('/log/checkpoint', async (c) => {
    const latest = await ledger.log.checkpoint()
    if (!latest) throw notFound('A checkpoint (the log is empty so far)')
    c.header('Cache-Control', CHECKPOINT_CACHE)
    return c.text(latest.note)
  })
  app.get('/log/vkey', async (c) => {
    c.header('Cache-Control', VKEY_CACHE)
    return c.text(`${(await ledger.log.verifierKeys()).join('\n')}\n`)
  })
  app.get('/log/consistency', async (c) => {
    const from = sizeParam('from', c.req.query('from'))
    const to = sizeParam('to', c.req.query('to'))
    try {
      const proof = await ledger.log.consistency(from, to)
      c.header('Cache-Control', IMMUTABLE)
      return c.json(proof)
    } catch (error) {
      if (error instanceof LogError) throw new ApiException(400, 'bad_request', error.message)
      throw error
    }
  })
  app.get('/log/tile/*', async (c) => {
    const path = c.req.path.slice('/log/'.length)
    let tile: ReturnType<typeof parseTilePath>
    try {
      tile = parseTilePath(path)
    } catch (error) {
      if (error instanceof LogError) throw new ApiException(400, 'bad_request', error.message)
      throw error
    }
    const served = await ledger.log.tile(tile)
    if (!served) throw notFound(`Tile ${path.slice(0, 80)} (not in the log's latest checkpoint)`)
    c.header('Cache-Control', served.full ? IMMUTABLE : PARTIAL_CACHE)
    c.header('Content-Type', 'application/octet-stream')
    return c.body(served.bytes as Uint8Array<ArrayBuffer>)
  })
  return app
}
