import type {
  CookieTableRow,
  ScannedCookie,
  ScannedPage,
  ScanPhase,
  ScanReport,
  ScanViolation,
  UndeclaredVendor,
  UnknownHost,
  UnseenVendor,
} from '@torii/schema/scan-report'
import { compareText, sortedUnique } from './sort-order.ts'
import type { MatchedVendor, VendorMatcher } from './vendor-matcher.ts'

export type Findings = Pick<ScanReport, 'violations' | 'undeclared' | 'unseen' | 'unknownHosts' | 'cookies'>

const PHASE_WORDS: Record<ScanPhase, string> = {
  fresh: 'before a choice',
  rejected: 'after Reject all',
  accepted: 'after Accept all',
}

/** How a vendor reads in a violation's cause: `Meta Pixel (not declared; advertising)`. */
const describeVendor = (vendor: MatchedVendor) =>
  `${vendor.name} (${vendor.declared ? 'declared' : 'not declared'}; ${vendor.purposes.join(', ')})`

/**
 * What the visits mean against the config and the catalog: violations (non-necessary cookies and vendor
 * requests before a choice or after Reject all), undeclared vendors with their catalog entry, configured
 * vendors nothing matched, third-party hosts no vendor covers, and the cookie table.
 */
export function buildFindings(pages: ScannedPage[], matcher: VendorMatcher): Findings {
  const violations: ScanViolation[] = []
  const seen = new Map<string, { vendor: MatchedVendor; pages: Set<string>; evidence: Set<string> }>()
  const unknown = new Map<string, Set<string>>()
  const cookieRows = new Map<string, CookieTableRow>()

  const see = (vendor: MatchedVendor, page: string, evidence: string) => {
    const entry = seen.get(vendor.key) ?? { vendor, pages: new Set(), evidence: new Set() }
    entry.pages.add(page)
    entry.evidence.add(evidence)
    seen.set(vendor.key, entry)
  }

  for (const page of pages) {
    for (const visit of page.visits) {
      const beforeOrRejected = visit.phase !== 'accepted'
      for (const request of visit.requests) {
        const subject = `${request.host}${request.path}`
        const vendor = request.vendor ? matcher.byKey(request.vendor) : undefined
        if (!vendor) {
          const pagesOfHost = unknown.get(request.host) ?? new Set()
          unknown.set(request.host, pagesOfHost.add(page.url))
          continue
        }
        see(vendor, page.url, `host ${request.host}`)
        if (beforeOrRejected && !vendor.necessary) {
          const by = request.initiator ? `, requested by ${request.initiator}` : ''
          violations.push({
            page: page.url,
            phase: visit.phase as ScanViolation['phase'],
            kind: 'request',
            subject,
            vendor: vendor.key,
            cause: `${request.type} request to ${describeVendor(vendor)} ${PHASE_WORDS[visit.phase]}${by}`,
          })
        }
      }
      for (const cookie of visit.cookies) {
        const vendor = cookie.vendor ? matcher.byKey(cookie.vendor) : undefined
        const necessary = matcher.isToriiCookie(cookie.name) || (vendor?.necessary ?? false)
        if (vendor) see(vendor, page.url, `cookie ${cookie.name}`)
        addCookieRow(cookieRows, cookie, vendor, necessary, visit.phase)
        if (beforeOrRejected && vendor && !necessary) {
          const by = cookie.setBy ? `, set by ${cookie.setBy}` : ''
          violations.push({
            page: page.url,
            phase: visit.phase as ScanViolation['phase'],
            kind: 'cookie',
            subject: cookie.name,
            vendor: vendor.key,
            cause: `cookie of ${describeVendor(vendor)} present ${PHASE_WORDS[visit.phase]}${by}`,
          })
        }
      }
    }
  }

  const undeclared: UndeclaredVendor[] = [...seen.values()]
    .filter(({ vendor }) => !vendor.declared && vendor.entry)
    .map(({ vendor, pages: on, evidence }) => ({
      key: vendor.key,
      name: vendor.name,
      vendor: vendor.entry!,
      pages: sortedUnique(on),
      evidence: sortedUnique(evidence),
    }))
    .sort((a, b) => compareText(a.key, b.key))
  const unseen: UnseenVendor[] = matcher.declared
    .filter((vendor) => !seen.has(vendor.key))
    .map(({ key, name }) => ({ key, name }))
    .sort((a, b) => compareText(a.key, b.key))
  const unknownHosts: UnknownHost[] = [...unknown.entries()]
    .map(([host, on]) => ({ host, pages: sortedUnique(on) }))
    .sort((a, b) => compareText(a.host, b.host))
  return {
    violations: violations.sort(compareViolations).filter(uniqueViolation()),
    undeclared,
    unseen,
    unknownHosts,
    cookies: [...cookieRows.entries()].sort(([a], [b]) => compareText(a, b)).map(([, row]) => row),
  }
}

function addCookieRow(
  rows: Map<string, CookieTableRow>,
  cookie: ScannedCookie,
  vendor: MatchedVendor | undefined,
  necessary: boolean,
  phase: ScanPhase
) {
  const key = `${cookie.name} ${cookie.domain}`
  const row = rows.get(key) ?? {
    name: cookie.name,
    domain: cookie.domain,
    party: cookie.party,
    lifetimeDays: cookie.lifetimeDays,
    ...(vendor ? { vendor: vendor.key } : {}),
    necessary,
    phases: [],
  }
  if (!row.phases.includes(phase)) row.phases.push(phase)
  row.phases.sort((a, b) => PHASE_ORDER[a] - PHASE_ORDER[b])
  // The longest lifetime seen is the one the disclosure must state.
  if (cookie.lifetimeDays !== null && (row.lifetimeDays === null || cookie.lifetimeDays > row.lifetimeDays))
    row.lifetimeDays = cookie.lifetimeDays
  rows.set(key, row)
}

const PHASE_ORDER: Record<ScanPhase, number> = { fresh: 0, rejected: 1, accepted: 2 }

const violationKey = (v: ScanViolation) =>
  [v.page, PHASE_ORDER[v.phase], v.kind, v.subject, v.cause].join('\n')
const compareViolations = (a: ScanViolation, b: ScanViolation) =>
  compareText(violationKey(a), violationKey(b))
function uniqueViolation() {
  const keys = new Set<string>()
  return (violation: ScanViolation) => {
    const key = violationKey(violation)
    if (keys.has(key)) return false
    keys.add(key)
    return true
  }
}
