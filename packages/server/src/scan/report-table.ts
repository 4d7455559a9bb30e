import type { ScanReport } from '@torii/schema/scan-report'

/** Columns padded to their widest cell; the last column is left to run on. */
function table(header: string[], rows: string[][]): string[] {
  const all = [header, ...rows]
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]?.length ?? 0)))
  return all.map((row) =>
    `  ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')}`.trimEnd()
  )
}

const lifetime = (days: number | null) => (days === null ? 'session' : `${days} d`)

/** A scan report as text for a terminal: the findings first, then the cookie table, the page problems, notes. */
export function formatScanReport(report: ScanReport): string {
  const withTorii = report.pages.filter((page) => page.torii).length
  const failed = report.pages.filter((page) => page.error)
  const lines = [
    `Scanned ${report.pages.length} page${report.pages.length === 1 ? '' : 's'} of ${report.url}` +
      ` (Torii on ${withTorii}${report.siteId ? `, compared with site ${report.siteId}` : ''})`,
    '',
    `Violations: ${report.violations.length}`,
  ]
  if (report.violations.length)
    lines.push(
      ...table(
        ['PAGE', 'PHASE', 'WHAT', 'CAUSE'],
        report.violations.map((v) => [v.page, v.phase, `${v.kind} ${v.subject}`, v.cause])
      )
    )
  lines.push('', `Undeclared vendors: ${report.undeclared.length}`)
  if (report.undeclared.length)
    lines.push(
      ...table(
        ['VENDOR', 'NAME', 'PAGES', 'SEEN BY'],
        report.undeclared.map((v) => [v.key, v.name, String(v.pages.length), v.evidence.join(', ')])
      )
    )
  lines.push('', `Declared but unseen: ${report.unseen.length}`)
  for (const vendor of report.unseen) lines.push(`  ${vendor.key}  ${vendor.name}`)
  lines.push('', `Third-party hosts no vendor covers: ${report.unknownHosts.length}`)
  for (const host of report.unknownHosts) lines.push(`  ${host.host}  (${host.pages.length} pages)`)
  lines.push('', `Cookies: ${report.cookies.length}`)
  if (report.cookies.length)
    lines.push(
      ...table(
        ['NAME', 'DOMAIN', 'PARTY', 'LIFETIME', 'VENDOR', 'NECESSARY', 'SEEN'],
        report.cookies.map((c) => [
          c.name,
          c.domain,
          c.party,
          lifetime(c.lifetimeDays),
          c.vendor ?? '?',
          c.necessary ? 'yes' : 'no',
          c.phases.join(', '),
        ])
      )
    )
  if (failed.length) {
    lines.push('', `Pages not scanned: ${failed.length}`)
    lines.push(
      ...table(
        ['PAGE', 'WHY'],
        failed.map((page) => [page.url, page.error!])
      )
    )
  }
  const pageNotes = report.pages.flatMap((page) =>
    page.visits.flatMap((visit) => visit.notes.map((note) => `${page.url} (${visit.phase}): ${note}`))
  )
  if (report.notes.length || pageNotes.length) {
    lines.push('', 'Notes:')
    for (const note of [...report.notes, ...pageNotes]) lines.push(`  ${note}`)
  }
  return lines.join('\n')
}
