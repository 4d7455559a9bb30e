import type { ProofBundle } from '@torii/schema'
import { Hono } from 'hono'
import type { Db } from '../../db/client.ts'
import type { Ledger } from '../../ledger/types.ts'
import { ApiException, notFound } from '../../lib/errors.ts'
import type { PublicBase } from '../../lib/public-base.ts'
import { renderReceiptPage } from '../../lib/receipt-page.ts'
import { getRevision } from '../../sites/revisions.ts'

const RECEIPT_ID = /^[A-Za-z0-9_-]{1,64}$/

function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false
  const html = accept.indexOf('text/html')
  const json = accept.indexOf('application/json')
  return html !== -1 && (json === -1 || html < json)
}

/**
 * `GET /receipts/:id` (the receipt as proof), `GET /receipts/:id/proof.json` (the proof bundle, "Download
 * proof") and `GET /.well-known/torii-ledger-key`. `publicBase` names the log in bundles.
 */
export function createProofRoutes(ledger: Ledger, db: Db, publicBase: PublicBase) {
  const app = new Hono()
  app.get('/receipts/:id/proof.json', async (c) => {
    const id = c.req.param('id')
    const proof = RECEIPT_ID.test(id) ? await ledger.proof(id) : null
    if (!proof) throw notFound(`Receipt "${id.slice(0, 80)}"`)
    if (!proof.log)
      throw new ApiException(
        409,
        'not_in_log_yet',
        `Receipt "${id}" is not in a signed checkpoint yet; try again in a few seconds`
      )
    const bundle: ProofBundle = {
      format: 'torii-proof/1',
      logUrl: new URL('log/', `${publicBase(c)}/`).href,
      receipt: proof.receipt,
      log: proof.log,
    }
    c.header('Access-Control-Allow-Origin', '*')
    c.header('Cache-Control', 'no-cache')
    c.header('Content-Disposition', `attachment; filename="torii-proof-${id}.json"`)
    return c.json(bundle)
  })
  app.get('/receipts/:id', async (c) => {
    const id = c.req.param('id')
    const proof = RECEIPT_ID.test(id) ? await ledger.proof(id) : null
    if (!proof) throw notFound(`Receipt "${id.slice(0, 80)}"`)
    c.header('Access-Control-Allow-Origin', '*')
    // Sealing adds the inclusion proof later: never cache a proof for long.
    c.header('Cache-Control', proof.inclusion && proof.log ? 'public, max-age=300' : 'no-cache')
    c.header('Vary', 'Accept')
    // A person opening the proof URL in a browser gets a readable copy; programs get JSON.
    if (c.req.query('format') !== 'json' && prefersHtml(c.req.header('accept'))) {
      // Named as the visitor saw them: the revision the receipt refers to (published revisions never change).
      const shown = await getRevision(db, proof.receipt.siteId, proof.revision.number)
      const config = shown?.hash === proof.revision.hash ? shown.config : undefined
      const base = `/receipts/${encodeURIComponent(id)}`
      return c.html(renderReceiptPage(proof, `${base}?format=json`, config, `${base}/proof.json`))
    }
    return c.json(proof)
  })
  app.get('/.well-known/torii-ledger-key', (c) => {
    c.header('Access-Control-Allow-Origin', '*')
    c.header('Cache-Control', 'public, max-age=3600')
    return c.json({ algorithm: 'Ed25519', format: 'spki-der-base64', publicKey: ledger.publicKey })
  })
  return app
}
