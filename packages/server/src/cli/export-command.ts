import { createWriteStream, existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { SqlClient } from '../db/sql-client.ts'
import { ledgerExportStream } from '../ledger/export/ledger-export.ts'
import { siteExportStream } from '../ledger/export/site-export.ts'
import { receiptQuerySchema } from '../ledger/read/receipt-query.ts'
import { type CliIo, userPath } from './io.ts'
import { openDatabase } from './open-db.ts'
import { parse, UsageError } from './usage.ts'

const FLAG_OF: Record<string, string> = { consentId: '--consent-id' }

/**
 * A mistyped --site would otherwise export an empty file with exit 0, which reads as "no receipts". A site
 * is known when it is configured or has receipts (the ledger keeps them whatever happens to the site).
 */
async function assertSiteKnown(client: SqlClient, siteId: string): Promise<void> {
  const known = await client.execute({
    sql: 'SELECT 1 FROM sites WHERE id = ? UNION ALL SELECT 1 FROM receipts WHERE site_id = ? LIMIT 1',
    args: [siteId, siteId],
  })
  if (known.rows.length) return
  const { rows } = await client.execute('SELECT id FROM sites ORDER BY id LIMIT 20')
  const ids = rows.map((row) => String(row.id))
  throw new UsageError(
    `--site: no site ${JSON.stringify(siteId)} in this database (${ids.length ? `sites: ${ids.join(', ')}` : 'it has no sites'})`
  )
}

/** `torii export`: a site's receipts as CSV/NDJSON, or `--ledger` for the verifiable whole-ledger NDJSON. */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    db: { type: 'string' },
    site: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    ledger: { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
    action: { type: 'string' },
    purpose: { type: 'string' },
    'consent-id': { type: 'string' },
  })
  const format = values.format ?? (values.ledger ? 'ndjson' : undefined)
  if (format !== 'csv' && format !== 'ndjson') {
    throw new UsageError(
      `--format must be csv or ndjson${format ? `, got ${JSON.stringify(format)}` : ' (missing)'}`
    )
  }
  if (values.ledger && (values.site || format !== 'ndjson')) {
    throw new UsageError('--ledger exports the whole ledger as NDJSON: leave out --site and --format csv')
  }
  if (!values.ledger && !values.site)
    throw new UsageError('--site ID is required (or --ledger for the whole ledger)')
  const parsed = receiptQuerySchema.safeParse({
    from: values.from,
    to: values.to,
    action: values.action,
    purpose: values.purpose,
    consentId: values['consent-id'],
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const key = String(issue.path[0])
    throw new UsageError(`${FLAG_OF[key] ?? `--${key}`} ${issue.message}`)
  }
  // Checked before the database is read: a typo in --out is a bad argument, not a failure after the query.
  const out = values.out ? userPath(values.out) : null
  if (out && !existsSync(dirname(out))) throw new UsageError(`--out: no folder ${dirname(out)} to write into`)
  const database = await openDatabase(values.db, true)
  try {
    if (!values.ledger) await assertSiteKnown(database.client, values.site!)
    const stream = values.ledger
      ? ledgerExportStream(database.client, () => new Date())
      : siteExportStream(database.client, values.site!, format, parsed.data)
    const target = out ? createWriteStream(out) : io.stdout
    await pipeline(Readable.fromWeb(stream as WebReadableStream<Uint8Array>), target, {
      end: Boolean(values.out),
    })
    if (out) io.err(`export: wrote ${out}`)
    return 0
  } finally {
    await database.close()
  }
}
