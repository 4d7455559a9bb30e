// Child process for the benchmark: streams a site's export from the database to /dev/null, then prints
// its peak RSS. Runs in its own process so the figure is the export's alone.
import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { createClient } from '@libsql/client'
import { libsqlSqlClient } from '../src/db/sql-client.ts'
import { siteExportStream } from '../src/ledger/export/site-export.ts'

const client = libsqlSqlClient(createClient({ url: process.env.BENCH_DB_URL! }))
const format = (process.env.BENCH_FORMAT ?? 'ndjson') as 'csv' | 'ndjson'
const started = performance.now()
let bytes = 0
const stream = siteExportStream(client, 'xtra', format, {})
const counted = Readable.fromWeb(stream as WebReadableStream<Uint8Array>).on('data', (chunk: Buffer) => {
  bytes += chunk.length
})
await pipeline(counted, createWriteStream('/dev/null'))
const seconds = (performance.now() - started) / 1000
client.close()
process.stdout.write(`${JSON.stringify({ bytes, seconds, maxRssKb: process.resourceUsage().maxRSS })}\n`)
