import { MAX_RECEIPT_BYTES } from '@torii/schema'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiException, readJson } from '../../../lib/errors.ts'
import { nodeHeader } from '../../../lib/node-header.ts'

const tooLarge = (): never => {
  throw new ApiException(413, 'body_too_large', `The receipt is larger than ${MAX_RECEIPT_BYTES} bytes`)
}
const countedLimit = bodyLimit({ maxSize: MAX_RECEIPT_BYTES, onError: tooLarge })

/**
 * A receipt POST's body as JSON, at most MAX_RECEIPT_BYTES (413 above). Not async: readJson's promise is
 * handed on as it is, no frame of its own.
 */
export function readReceiptBody(c: Context): Promise<unknown> {
  // With a Content-Length (what browsers send) Node's parser never delivers more, so checking the header
  // suffices. Hono's bodyLimit would read `c.req.raw.body`, which makes @hono/node-server build a full
  // undici Request and web stream per receipt: about a sixth of the route's CPU time. Chunked bodies
  // still go through bodyLimit, which counts the bytes as they stream.
  const length = nodeHeader(c, 'content-length')
  if (length !== undefined && /^\d+$/.test(length) && nodeHeader(c, 'transfer-encoding') === undefined) {
    if (Number(length) > MAX_RECEIPT_BYTES) tooLarge()
    return readJson(c)
  }
  return readCounted(c)
}

async function readCounted(c: Context): Promise<unknown> {
  let body: unknown
  await countedLimit(c, async () => {
    body = await readJson(c)
  })
  return body
}
