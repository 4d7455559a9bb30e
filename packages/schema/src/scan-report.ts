// What `torii scan` and the admin's Scan page report about a site: the shapes the server writes (the CLI's
// JSON file, the scan history) and the admin reads. Every list is sorted and the report holds one time
// (`scannedAt`), so two scans of an unchanged site compare equal once that field is left out.
import { z } from 'zod'
import { httpUrlSchema, type Vendor } from './site-config.ts'

/** The most pages one scan may visit (three visits each). */
export const MAX_SCAN_PAGES = 500

/** The three visits of a page: a fresh visitor, after Reject all, after Accept all (the last two need Torii). */
export const SCAN_PHASES = ['fresh', 'rejected', 'accepted'] as const
export type ScanPhase = (typeof SCAN_PHASES)[number]

/** A cookie as the browser kept it; its lifetime is counted from the visit, in whole days. */
export interface ScannedCookie {
  name: string
  /** The cookie's domain as the browser holds it (`.example.com` for a domain cookie). */
  domain: string
  path: string
  /** Days it lives from the visit (rounded up); `null`: a session cookie. */
  lifetimeDays: number | null
  party: 'first' | 'third'
  httpOnly: boolean
  secure: boolean
  sameSite: 'Strict' | 'Lax' | 'None'
  /** What wrote it, when the scanner saw it: a script URL (query left out), or `response <host/path>`. */
  setBy?: string
  /** The vendor it belongs to (a configured or catalog key): by its name, what set it, or its domain. */
  vendor?: string
}

/** A request to another site's host (deduplicated per visit; the query is left out, it changes per run). */
export interface ScannedRequest {
  host: string
  path: string
  /** The browser's resource type: `script`, `image`, `xhr`, `fetch`, `document`, … */
  type: string
  /** The script that caused it, where Chromium tells (query left out). */
  initiator?: string
  /** The vendor whose hosts cover its full URL (query included), a configured or catalog key. */
  vendor?: string
}

/** One visit of one page in one phase. */
export interface PageVisit {
  phase: ScanPhase
  cookies: ScannedCookie[]
  localStorage: string[]
  sessionStorage: string[]
  requests: ScannedRequest[]
  /** External scripts that loaded (`host/path`), and how many inline ones the page has. */
  scripts: string[]
  inlineScripts: number
  iframes: string[]
  /** What bounded or cut this visit short (timeout, too many cookies, …). */
  notes: string[]
}

export interface ScannedPage {
  url: string
  /** Torii's gate and banner were on the page, so the Reject all and Accept all visits ran. */
  torii: boolean
  /** Why the page could not be scanned at all (unreachable, redirect loop, …). */
  error?: string
  visits: PageVisit[]
}

/** A non-necessary cookie or vendor request before a choice or after Reject all. */
export interface ScanViolation {
  page: string
  phase: Exclude<ScanPhase, 'accepted'>
  kind: 'cookie' | 'request'
  /** The cookie's name, or the request's `host/path`. */
  subject: string
  /** The vendor it belongs to (a configured or a catalog key), when known. */
  vendor?: string
  /** Why it is a violation, in words, with what caused it where known. */
  cause: string
}

/** A vendor seen on the site but not in its config, with the catalog's vendor entry to add. */
export interface UndeclaredVendor {
  key: string
  name: string
  /** The entry to add to the draft as it is (purposes are the catalog's suggestion). */
  vendor: Vendor
  pages: string[]
  /** The hosts and cookies it was recognised by. */
  evidence: string[]
}

/** A configured vendor that nothing on the scanned pages matched. */
export interface UnseenVendor {
  key: string
  name: string
}

/** A third-party host no configured or catalog vendor matches. */
export interface UnknownHost {
  host: string
  pages: string[]
}

/** One row of the cookie table the disclosure would show. */
export interface CookieTableRow {
  name: string
  domain: string
  party: 'first' | 'third'
  lifetimeDays: number | null
  vendor?: string
  /** Whether a necessary purpose covers it (a required purpose's vendor, or Torii's own cookie). */
  necessary: boolean
  phases: ScanPhase[]
}

export interface ScanReport {
  /** The one time in the report: when the scan started (ISO 8601). Leave it out to compare two scans. */
  scannedAt: string
  url: string
  siteId?: string
  limits: { pages: number; maxTimeSeconds: number }
  pages: ScannedPage[]
  violations: ScanViolation[]
  undeclared: UndeclaredVendor[]
  unseen: UnseenVendor[]
  unknownHosts: UnknownHost[]
  cookies: CookieTableRow[]
  /** What bounded the whole scan (sitemap problems, the page or time limit reached). */
  notes: string[]
}

/** Where a running scan is, for a progress bar. */
export interface ScanProgress {
  /** Pages finished (scanned or failed). */
  done: number
  /** Pages known so far, at most the page limit. */
  total: number
  /** The page being visited, and in which phase. */
  current?: { url: string; phase: ScanPhase }
}

/** `POST /api/admin/sites/:siteId/scans`: the page to start from and how many pages at most. */
export const scanRequestSchema = z.object({
  url: httpUrlSchema,
  pages: z.number().int().min(1).max(MAX_SCAN_PAGES).default(10),
})
export type ScanRequest = z.input<typeof scanRequestSchema>

/** A scan in the admin's history. */
export interface ScanSummary {
  id: string
  url: string
  pageLimit: number
  /** `failed`: Chromium failed or the server stopped during the scan (`error` says which). */
  status: 'running' | 'done' | 'failed'
  progress: ScanProgress
  error?: string
  startedBy?: string
  startedAt: string
  finishedAt?: string
  /** Counts of the findings, once done. */
  counts?: { pages: number; violations: number; undeclared: number; unseen: number }
}

/** A scan with its report once done. */
export interface ScanDetail extends ScanSummary {
  report?: ScanReport
}

/** `GET /api/admin/sites/:siteId/scans`: the history, newest first, and whether this server can scan. */
export interface ScanHistory {
  scans: ScanSummary[]
  /** Why this server cannot scan (no Chromium), or `null`. */
  unavailable: string | null
}
