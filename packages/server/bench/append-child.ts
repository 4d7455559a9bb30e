// Child process for the benchmark: the ledger alone (no HTTP), 64 concurrent appenders for a few seconds.
import { createDb } from '../src/db/client.ts'
import { createLedger } from '../src/ledger/index.ts'
import { sampleEntry } from '../src/testing/test-db.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const database = await createDb({ url: process.env.BENCH_DB_URL })
const ledger = await createLedger({ client: database.client, warn: () => {} })
const latencies: number[] = []
const end = performance.now() + seconds * 1000
await Promise.all(
  Array.from({ length: 64 }, async () => {
    while (performance.now() < end) {
      const t = performance.now()
      await ledger.append(sampleEntry())
      latencies.push(performance.now() - t)
    }
  })
)
latencies.sort((a, b) => a - b)
const result = {
  perSecond: latencies.length / seconds,
  commits: ledger.commits,
  p50: latencies[Math.floor(latencies.length * 0.5)]!,
  p99: latencies[Math.floor(latencies.length * 0.99)]!,
}
await ledger.close()
database.close()
process.stdout.write(`${JSON.stringify(result)}\n`)
