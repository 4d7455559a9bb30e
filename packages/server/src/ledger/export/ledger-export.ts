import type { SqlClient } from '../../db/sql-client.ts'
import { databaseHeader, databaseRecords } from '../verify/ledger-records.ts'

/** Records per chunk. */
const PAGE = 1000
const encoder = new TextEncoder()

/** The whole ledger as NDJSON (header with keys, receipts and batches): what `torii verify --file` reads. */
export function ledgerExportStream(client: SqlClient, now: () => Date): ReadableStream<Uint8Array> {
  let records: AsyncGenerator<unknown> | null = null
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!records) {
          records = databaseRecords(client)
          controller.enqueue(encoder.encode(`${JSON.stringify(await databaseHeader(client, now()))}\n`))
          return
        }
        let text = ''
        for (let i = 0; i < PAGE; i++) {
          const next = await records.next()
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text))
            controller.close()
            return
          }
          text += `${JSON.stringify(next.value)}\n`
        }
        controller.enqueue(encoder.encode(text))
      },
      async cancel() {
        await records?.return(undefined)
      },
    },
    { highWaterMark: 1 }
  )
}
