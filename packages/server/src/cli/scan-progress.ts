import type { ScanProgress } from '@torii/schema/scan-report'

const BAR_WIDTH = 24

/**
 * Shows a scan's progress on stderr: a bar redrawn in place on a terminal, a plain line per visit
 * otherwise (logs and CI keep every line).
 */
export function createScanProgress(write: (text: string) => void, isTty: boolean) {
  let last = ''
  return {
    update(progress: ScanProgress) {
      const where = progress.current ? `${progress.current.phase.padEnd(8)} ${progress.current.url}` : ''
      if (!isTty) {
        if (!where || where === last) return
        last = where
        write(`scan: page ${progress.done + 1}/${progress.total} ${where}\n`)
        return
      }
      const filled = progress.total ? Math.round((progress.done / progress.total) * BAR_WIDTH) : 0
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${progress.done}/${progress.total}`
      const columns = process.stderr.columns ?? 100
      write(`\r\x1b[K${`${bar} ${where}`.slice(0, columns - 1)}`)
    },
    /** Ends the bar's line before the report prints. */
    done() {
      if (isTty) write('\r\x1b[K')
    },
  }
}
