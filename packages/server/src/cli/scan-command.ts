import { existsSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { ChromiumMissingError } from '../scan/chromium.ts'
import { formatScanReport } from '../scan/report-table.ts'
import { checkScanOptions, ScanInputError, type ScanOptions, scanSite } from '../scan/scan-site.ts'
import { getLiveRevision } from '../sites/revisions.ts'
import { type CliIo, userPath } from './io.ts'
import { openDatabase } from './open-db.ts'
import { createScanProgress } from './scan-progress.ts'
import { parseWithFile, UsageError } from './usage.ts'

/** A whole number option, or a `UsageError` naming it. */
function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(number))
    throw new UsageError(`--${name} ${JSON.stringify(value)} is not a number`)
  return number
}

/**
 * `torii scan URL`: crawls the site in headless Chromium, prints the findings (and writes them as JSON
 * with --json); exit 1 with --fail-on-violation when there are violations, or when no page could be scanned.
 */
export async function scanCommand(args: string[], io: CliIo): Promise<number> {
  const { values, file: url } = parseWithFile(args, {
    pages: { type: 'string' },
    'max-time': { type: 'string' },
    json: { type: 'string' },
    site: { type: 'string' },
    'fail-on-violation': { type: 'boolean' },
    db: { type: 'string' },
  })
  const options: ScanOptions = {
    url,
    pages: numberOption('pages', values.pages),
    maxTimeSeconds: numberOption('max-time', values['max-time']),
  }
  try {
    checkScanOptions(options)
  } catch (error) {
    if (error instanceof ScanInputError) throw new UsageError(error.message)
    throw error
  }
  const json = values.json ? userPath(values.json) : null
  if (json && !existsSync(dirname(json)))
    throw new UsageError(`--json: no folder ${dirname(json)} to write into`)
  if (values.site) {
    const database = await openDatabase(values.db, true)
    try {
      const revision = await getLiveRevision(database.db, values.site)
      if (!revision)
        throw new UsageError(`--site: no published site ${JSON.stringify(values.site)} in this database`)
      options.config = revision.config
      options.siteId = values.site
    } finally {
      await database.close()
    }
  }

  const progress = createScanProgress((text) => process.stderr.write(text), Boolean(process.stderr.isTTY))
  let report: Awaited<ReturnType<typeof scanSite>>
  try {
    report = await scanSite({ ...options, onProgress: progress.update })
  } catch (error) {
    if (error instanceof ChromiumMissingError)
      throw new Error(`${error.message} (the scanner needs Chromium)`)
    throw error
  } finally {
    progress.done()
  }
  io.out(formatScanReport(report))
  if (json) {
    writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`)
    io.err(`scan: wrote ${json}`)
  }
  if (report.pages.length > 0 && report.pages.every((page) => page.error)) return 1
  return values['fail-on-violation'] && report.violations.length > 0 ? 1 : 0
}
