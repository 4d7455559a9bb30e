// The ledger's writer thread for local database files. The local libSQL driver is synchronous, so a COMMIT
// (an fsync) would stall the server's event loop; here it stalls only this thread while requests go on
// being parsed and queued for the next group. Plain JavaScript so it loads in any runner without a loader.
import { parentPort, workerData } from 'node:worker_threads'
import { createClient } from '@libsql/client'

const { url, busyTimeoutMs, retryMs, synchronous } = workerData
const client = createClient({ url, timeout: busyTimeoutMs, concurrency: 1 })

function isBusy(error) {
  const text = `${error?.code ?? ''} ${error?.message ?? ''} ${error?.cause?.message ?? ''}`
  return /SQLITE_BUSY|database is locked|SQLITE_LOCKED/i.test(text)
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function write(statements) {
  const deadline = Date.now() + retryMs
  for (let attempt = 0; ; attempt++) {
    try {
      // BEGIN IMMEDIATE; statements; COMMIT, with synchronous=FULL set on this connection below.
      return await client.batch(statements, 'write')
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error
      await sleep(Math.min(50, 1 + attempt * 2) * Math.random() + 1)
    }
  }
}

// Durability: FULL syncs the WAL on every commit, so an acknowledged receipt survives power loss too;
// NORMAL (WAL) survives a killed process but not an OS crash (see LedgerOptions.durability).
await client.execute(`PRAGMA synchronous=${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`)

parentPort.on('message', async ({ id, statements }) => {
  try {
    const results = await write(statements)
    parentPort.postMessage({ id, ok: true, rowsAffected: results.map((result) => result.rowsAffected) })
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error?.message ?? String(error), code: error?.code })
  }
})
parentPort.postMessage({ ready: true })
