import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { Ledger, LedgerObserver } from '../ledger/types.ts'

/** What the server counts for `/metrics` (Prometheus text format, prom-client). */
export interface Metrics extends LedgerObserver {
  readonly registry: Registry
  /** A receipt committed (201). `siteId` is an existing site's: unknown ids would grow the series without bound. */
  receiptAccepted(siteId: string): void
  /** A receipt refused: `reason` is the error code answered (`origin_not_allowed`, `rate_limited`, …). */
  receiptRejected(siteId: string, reason: string): void
  /** gate.js or config.json answered: 200 (sent), 304 (the client's copy is current), 404 … */
  siteFileServed(siteId: string, file: SiteFile, status: number): void
  /** A database error outside the ledger (a request's query, the health check). */
  databaseError(operation: string): void
  /** Reads the seal lag from `ledger` at each scrape. */
  watchLedger(ledger: Ledger): void
}

export type SiteFile = 'gate.js' | 'config.json'

/** Label value for a request whose site does not exist. */
export const UNKNOWN_SITE = ''

/** Group commits take ~1-15 ms with an fsync each; seconds, as Prometheus wants. */
const COMMIT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

/** A registry of its own per server (tests run several in one process), with Node's process metrics. */
export function createMetrics(): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const accepted = new Counter({
    name: 'torii_receipts_accepted_total',
    help: 'Receipts committed to the ledger (answered 201), by site',
    labelNames: ['site'] as const,
    registers: [registry],
  })
  const rejected = new Counter({
    name: 'torii_receipts_rejected_total',
    help: 'Receipt POSTs refused, by site (empty: no such site) and reason (the error code answered)',
    labelNames: ['site', 'reason'] as const,
    registers: [registry],
  })
  const siteFiles = new Counter({
    name: 'torii_site_file_requests_total',
    help: 'gate.js and config.json requests, by site, file and status (304: the cached copy was current)',
    labelNames: ['site', 'file', 'status'] as const,
    registers: [registry],
  })
  const commitSeconds = new Histogram({
    name: 'torii_ledger_commit_duration_seconds',
    help: 'Time to write and commit one group of receipts (group commit), from the first write to the commit',
    buckets: COMMIT_BUCKETS,
    registers: [registry],
  })
  const committedReceipts = new Counter({
    name: 'torii_ledger_committed_receipts_total',
    help: 'Receipts committed by group commits of this process',
    registers: [registry],
  })
  const databaseErrors = new Counter({
    name: 'torii_database_errors_total',
    help: 'Database operations that failed, by operation (commit, seal, request, health)',
    labelNames: ['operation'] as const,
    registers: [registry],
  })
  let ledger: Ledger | null = null
  new Gauge({
    name: 'torii_ledger_unlogged_receipts',
    help: 'Receipts committed but not yet in a signed checkpoint of the log',
    registers: [registry],
    async collect() {
      const lag = await readLag()
      if (lag) this.set(lag.pending)
    },
  })
  new Gauge({
    name: 'torii_ledger_seconds_since_checkpoint',
    help: 'Seconds since the latest signed checkpoint of the log (absent before the first)',
    registers: [registry],
    async collect() {
      const lag = await readLag()
      if (lag?.lastCheckpointAt) this.set((Date.now() - Date.parse(lag.lastCheckpointAt)) / 1000)
    },
  })
  // One read per scrape for both gauges (each gauge's collect runs on every scrape).
  let lagRead: ReturnType<Ledger['sealLag']> | null = null
  function readLag() {
    if (!ledger) return null
    lagRead ??= ledger.sealLag().finally(() => {
      lagRead = null
    })
    return lagRead.catch(() => {
      databaseErrors.inc({ operation: 'metrics' })
      return null
    })
  }

  // Children cached per site: the hot routes skip prom-client's label hashing on each call.
  const acceptedBySite = new Map<string, { inc(): void }>()
  return {
    registry,
    receiptAccepted(siteId) {
      let child = acceptedBySite.get(siteId)
      if (!child) {
        child = accepted.labels(siteId)
        acceptedBySite.set(siteId, child)
      }
      child.inc()
    },
    receiptRejected(siteId, reason) {
      rejected.inc({ site: siteId, reason })
    },
    siteFileServed(siteId, file, status) {
      siteFiles.inc({ site: siteId, file, status })
    },
    committed(receipts, seconds) {
      commitSeconds.observe(seconds)
      committedReceipts.inc(receipts)
    },
    failed(operation) {
      databaseErrors.inc({ operation })
    },
    databaseError(operation) {
      databaseErrors.inc({ operation })
    },
    watchLedger(watched) {
      ledger = watched
    },
  }
}
