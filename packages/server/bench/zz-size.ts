import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { mkdtempSync, statSync, readdirSync } from 'node:fs'
import autocannon from 'autocannon'
import { RECEIPT } from './support.ts'
const dir = mkdtempSync('/tmp/size-db-')
const child = spawn(process.execPath, ['bench/serve-torii.mjs'], { env: { ...process.env, BENCH_DB_URL: `file:${dir}/a.db` }, stdio: ['ignore', 'pipe', 'inherit'] })
const url: string = await new Promise((r) => createInterface({ input: child.stdout! }).on('line', (l) => r(JSON.parse(l).url)))
const N = 100_000
const r = await autocannon({ url: `${url}/s/xtra/receipts`, method: 'POST', body: RECEIPT, headers: { 'content-type': 'text/plain;charset=UTF-8' }, amount: N, connections: 64 })
console.log('sent', r.requests.total, 'non2xx', r.non2xx)
await new Promise((res) => setTimeout(res, 5000))
child.kill('SIGTERM'); await new Promise((res) => child.once('exit', res))
const total = readdirSync(dir).reduce((n, f) => n + statSync(`${dir}/${f}`).size, 0)
console.log(readdirSync(dir).map((f) => `${f} ${statSync(`${dir}/${f}`).size}`).join(', '))
console.log('bytes per receipt', (total / N).toFixed(0))
