import { randomUUID } from 'node:crypto'
import type { SiteConfig } from '@torii/schema'
import type { ScanProgress } from '@torii/schema/scan-report'
import type { Db } from '../db/client.ts'
import type { Logger } from '../lib/logger.ts'
import { chromiumMissingReason, type ScanBrowserOptions } from './chromium.ts'
import { finishScan, insertScan, saveScanProgress } from './scan-history.ts'
import { scanSite } from './scan-site.ts'

/** Progress is written at most this often (and on every finished page): the admin polls it. */
const PROGRESS_WRITE_MS = 500

export interface ScanRunnerOptions {
  db: Db
  logger: Logger
  browser?: ScanBrowserOptions
}

export interface StartScan {
  siteId: string
  url: string
  pages: number
  config?: SiteConfig
  startedBy: string | null
}

/**
 * Runs the admin's scans in this server process, one at a time (each holds a Chromium), recording
 * progress and the report in the scan history. `close()` stops a running scan.
 */
export function createScanRunner({ db, logger, browser }: ScanRunnerOptions) {
  let running: { id: string; controller: AbortController; done: Promise<void> } | null = null

  return {
    /** Why scans cannot run here (no Chromium), or `null`. */
    unavailable: (): string | null => chromiumMissingReason(browser?.executablePath),
    /**
     * Records and starts a scan; resolves with its id once recorded, not when it ends. `null`: a scan is
     * running already (claimed before any await, so two requests at once cannot both start one).
     */
    async start(scan: StartScan): Promise<string | null> {
      if (running) return null
      const id = randomUUID()
      const controller = new AbortController()
      let finished: () => void = () => {}
      running = { id, controller, done: new Promise<void>((resolve) => (finished = resolve)) }
      try {
        await insertScan(db, {
          id,
          siteId: scan.siteId,
          url: scan.url,
          pageLimit: scan.pages,
          startedBy: scan.startedBy,
        })
      } catch (error) {
        running = null
        finished()
        throw error
      }
      let lastWrite = 0
      let lastDone = 0
      let writing = Promise.resolve()
      const onProgress = (progress: ScanProgress) => {
        const now = Date.now()
        if (now - lastWrite < PROGRESS_WRITE_MS && progress.done === lastDone) return
        lastWrite = now
        lastDone = progress.done
        writing = writing.then(() => saveScanProgress(db, id, progress)).catch(() => {})
      }
      scanSite({
        url: scan.url,
        pages: scan.pages,
        config: scan.config,
        siteId: scan.siteId,
        browser,
        onProgress,
        signal: controller.signal,
      })
        .then(
          async (report) => {
            await writing
            await finishScan(db, id, { report })
          },
          async (error: Error) => {
            await writing
            const message = controller.signal.aborted
              ? 'The scan was stopped: the server shut down'
              : error.message
            logger.warn('scan failed', { scan: id, error: message })
            await finishScan(db, id, { error: message.split('\n')[0]! })
          }
        )
        .catch((error) => logger.error('scan not recorded', { scan: id, error: String(error) }))
        .finally(() => {
          if (running?.id === id) running = null
          finished()
        })
      return id
    },
    async close() {
      const current = running
      if (!current) return
      current.controller.abort()
      await current.done
    },
  }
}

export type ScanRunner = ReturnType<typeof createScanRunner>
