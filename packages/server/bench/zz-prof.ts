import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { load, RECEIPT } from './support.ts'

const dir = mkdtempSync('/tmp/prof-db-')
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', process.argv[2]!], {
  env: { ...process.env, BENCH_DB_URL: `file:${dir}/a.db` },
  stdio: ['ignore', 'pipe', 'inherit'],
})
const url: string = await new Promise((r) =>
  createInterface({ input: child.stdout! }).on('line', (l) => r(JSON.parse(l).url))
)
const req = {
  method: 'POST' as const,
  body: RECEIPT,
  headers: { 'content-type': 'text/plain;charset=UTF-8' },
}
await load({ url: `${url}/s/xtra/receipts`, ...req, duration: 2 })
const f = await load({ url: `${url}/s/xtra/receipts`, ...req, duration: 6 }, child.pid)
console.log(f)
child.kill('SIGTERM')
await new Promise((r) => child.once('exit', r))
