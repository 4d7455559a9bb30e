import {
  type Jurisdiction,
  type ReceiptAck,
  type ReceiptInput,
  type ReceiptJurisdiction,
  resolveRegionRule,
  type Site,
} from '@torii/schema'
import type { Context } from 'hono'
import type { JurisdictionResolver } from '../../../geo/jurisdiction-resolver.ts'
import type { Ledger } from '../../../ledger/types.ts'
import { ApiException, type FieldError, notFound, validationError } from '../../../lib/errors.ts'
import { nodeHeader } from '../../../lib/node-header.ts'
import type { PublicBase } from '../../../lib/public-base.ts'
import { receiptInputParser } from '../../../lib/receipt-parser.ts'
import type { LiveCache, RevisionFacts } from '../../../sites/live-cache.ts'
import type { AnswerHeaders } from './answer-headers.ts'
import { readReceiptBody } from './read-body.ts'

export interface ReceiverOptions {
  cache: LiveCache
  ledger: Ledger
  /** Where the visitor is, recorded in receipts of sites with region rules. */
  jurisdiction: JurisdictionResolver
  /** Base for `proofUrl` (TORII_PUBLIC_URL, or a known request host). */
  publicBase: PublicBase
}

/** Takes one receipt POST from its site to its 201: checks, appends to the ledger once valid, acks. */
export type Receiver = (
  c: Context,
  siteId: string,
  site: Site | null,
  origin: string | undefined,
  client: ClientAddress,
  headers: AnswerHeaders
) => Promise<Response>

/** The client's address (for its jurisdiction) and what of it is stored. */
export interface ClientAddress {
  ip: string | null
  ipTruncated: string | null
}

const MAX_USER_AGENT = 512
/** The jurisdiction of every receipt of a site without region rules: none recorded. */
const NO_JURISDICTION: ReceiptJurisdiction = {}

/**
 * Validates a receipt (its site, origin, body, revision and the keys that revision offered), builds the
 * ledger entry, waits for the ledger to commit it and answers 201 with the ack. Bad input throws an
 * ApiException, which the route answers with the same headers.
 */
export function createReceiver({ cache, ledger, jurisdiction, publicBase }: ReceiverOptions): Receiver {
  /** The visitor's place and rule under the receipt's revision, as its gate.js got them; none without rules. */
  function placeOf(c: Context, facts: RevisionFacts, ip: string | null): ReceiptJurisdiction {
    if (!facts.regions) return NO_JURISDICTION
    const place: Jurisdiction =
      jurisdiction.mode === 'off'
        ? {}
        : jurisdiction.resolve({ get: (name) => nodeHeader(c, name) ?? null }, ip)
    const rule = resolveRegionRule(facts.regions, place)
    return {
      country: place.country,
      subdivision: place.subdivision,
      regionRule: rule.key,
      regionModel: rule.model,
    }
  }

  return async function receive(c, siteId, site, origin, client, headers) {
    if (!site) throw notFound(`Site "${siteId.slice(0, 80)}"`)
    // Browsers always send Origin on a POST; refusing others stops forged receipts from other sites' pages.
    if (origin && !site.origins.includes(origin)) {
      throw new OriginRefused(
        origin,
        'origin_not_allowed',
        `Origin ${origin.slice(0, 200)} may not send receipts for site "${siteId}"; add it to the site's allowed origins in the Torii admin (Settings)`
      )
    }
    const parsed = receiptInputParser.safeParse(await readReceiptBody(c))
    if (!parsed.success) throw validationError(parsed.error, 'receipt')
    const input = parsed.data
    const page = pageOf(input.pageUrl, siteId, site.origins, origin)
    // Answered from the cache without an await on nearly every POST (a revision never changes).
    const facts = cache.peekRevision(siteId, input.revision) ?? (await cache.revision(siteId, input.revision))
    if (!facts) {
      throw new ApiException(422, 'unknown_revision', `Site "${siteId}" has no revision ${input.revision}`, [
        { path: 'revision', message: `revision ${input.revision} was never published` },
      ])
    }
    const unknown = keysNotOffered(input, facts)
    if (unknown.length) {
      throw new ApiException(
        422,
        'unknown_keys',
        `Receipt names ${unknown[0]!.path}, which revision ${input.revision} does not have`,
        unknown
      )
    }
    const place = placeOf(c, facts, client.ip)
    // Built member by member (not spread): one object shape for every receipt on the hot path.
    const receipt = await ledger.append({
      consentId: input.consentId,
      revision: input.revision,
      action: input.action,
      purposes: input.purposes,
      vendors: input.vendors,
      consentMode: input.consentMode,
      // GPC-01/03: the browser's own Sec-GPC header (page script cannot set it) counts as much as what the
      // banner read from navigator.globalPrivacyControl.
      gpc: input.gpc || nodeHeader(c, 'sec-gpc') === '1',
      language: input.language,
      pageUrl: page,
      clientTime: input.clientTime,
      siteId,
      revisionHash: facts.hash,
      userAgent: nodeHeader(c, 'user-agent')?.slice(0, MAX_USER_AGENT) || null,
      ipTruncated: client.ipTruncated,
      country: place.country,
      subdivision: place.subdivision,
      regionRule: place.regionRule,
      regionModel: place.regionModel,
    })
    const ack: ReceiptAck = {
      id: receipt.id,
      revision: receipt.revision,
      revisionHash: receipt.revisionHash,
      issuedAt: receipt.issuedAt,
      hash: receipt.hash,
      proofUrl: `${publicBase(c)}/receipts/${receipt.id}`,
    }
    return new Response(JSON.stringify(ack), { status: 201, headers })
  }
}

/** A receipt proves what was shown: each purpose and vendor it names that its revision did not offer. */
function keysNotOffered(input: ReceiptInput, facts: RevisionFacts): FieldError[] {
  const unknown: FieldError[] = []
  for (const key in input.purposes)
    if (!facts.purposes.has(key))
      unknown.push({ path: `purposes.${key}`, message: `is not a purpose of revision ${input.revision}` })
  for (const key in input.vendors)
    if (!facts.vendors.has(key))
      unknown.push({ path: `vendors.${key}`, message: `is not a vendor of revision ${input.revision}` })
  return unknown
}

/** A refusal for where the receipt came from, naming that origin (`ReceiptRejections` counts it). */
export class OriginRefused extends ApiException {
  constructor(
    readonly origin: string,
    code: 'origin_not_allowed' | 'page_url_not_allowed',
    message: string
  ) {
    super(403, code, message)
  }
}

/**
 * The page URL as stored: without query string and fragment (they can carry personal data). Its origin must
 * be one of the site's, and the `Origin` header's when one came: a client without a browser can leave out
 * `Origin`, but then it cannot name a page of another site either.
 */
function pageOf(pageUrl: string, siteId: string, origins: string[], origin: string | undefined): string {
  const url = new URL(pageUrl)
  const pageOrigin = url.origin
  if (!origins.includes(pageOrigin)) {
    throw new OriginRefused(
      pageOrigin,
      'page_url_not_allowed',
      `pageUrl ${pageOrigin.slice(0, 200)}/… is not on an allowed origin of site "${siteId}"; add its origin to the site's allowed origins in the Torii admin (Settings)`
    )
  }
  if (origin && origin !== pageOrigin) {
    throw new OriginRefused(
      pageOrigin,
      'page_url_not_allowed',
      `pageUrl ${pageOrigin.slice(0, 200)}/… is not on the origin that sent the receipt (${origin.slice(0, 200)})`
    )
  }
  return `${pageOrigin}${url.pathname}`
}
