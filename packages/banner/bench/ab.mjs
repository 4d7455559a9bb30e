// A/B of two builds of the banner, first visits interleaved in one Chromium (a busy machine slows both
// alike): `node bench/ab.mjs <dist A> <dist B>` (default B: ./dist). Prints the median ms to banner
// visible of each, and the median of the paired differences (B − A). BENCH_RUNS rounds (default 30).
// AB_PAGE=slow-scripts: the bench page with a blocking script in <head> (answered after 300 ms, as a
// synchronous A/B-testing or tag tool) and one in the middle of <body> (800 ms, an ad or widget script).
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'
import { demoGateConfig } from '../scripts/gate-config.mjs'
import { launchChromium } from './chromium.mjs'
import { PROBE, TORII } from './pages.mjs'
import { median } from './stats.mjs'

const RUNS = Number(process.env.BENCH_RUNS || 30)
const [dirA, dirB = 'dist'] = process.argv.slice(2).map((d) => resolve(d))
const br = (b) => Buffer.from(brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
const LIVE = 'public, max-age=60, stale-while-revalidate=600'
const IMMUTABLE = 'public, max-age=31536000, immutable'
const SLOW = process.env.AB_PAGE == 'slow-scripts'
const page = SLOW
  ? TORII.replace('</head>', '<script src="/slow.js?ms=300"></script></head>').replace(
      '</p><p>',
      '</p><script src="/slow.js?ms=800"></script><p>'
    )
  : TORII

/** One build's files under /<name>/, its gate with the demo config inlined as the server does. */
async function variant(name, dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
  const { gate: config, revision } = await demoGateConfig(`/${name}/${manifest.ui}`)
  const json = JSON.stringify(config).replace(/</g, '\\u003c')
  const gate = readFileSync(join(dir, manifest.gate), 'utf8').replace('__TORII_CONFIG__', () => json)
  return {
    [`/${name}/page/`]: [page.replace('/s/xtra/gate.js', `/${name}/s/xtra/gate.js`), 'text/html', 'no-store'],
    [`/${name}/s/xtra/gate.js`]: [gate, 'text/javascript', LIVE],
    [`/${name}/s/xtra/config.json`]: [JSON.stringify(revision), 'application/json', LIVE],
    [`/${name}/${manifest.ui}`]: [readFileSync(join(dir, manifest.ui)), 'text/javascript', IMMUTABLE],
    [`/${name}/${manifest.prefs}`]: [readFileSync(join(dir, manifest.prefs)), 'text/javascript', IMMUTABLE],
  }
}
const files = {
  ...(await variant('a', dirA)),
  ...(await variant('b', dirB)),
  '/gtag/js': ['/* gtag stub */', 'text/javascript', 'private, max-age=900'],
}
const compressed = new Map()
const server = createServer((req, res) => {
  if (req.method == 'POST')
    return res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"ab"}')
  const [path, query] = req.url.split('?')
  if (path == '/slow.js') {
    const ms = Number(new URLSearchParams(query).get('ms'))
    return setTimeout(
      () => res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(''),
      ms
    )
  }
  const file = files[path]
  if (!file) return res.writeHead(404).end()
  if (!compressed.has(file[0])) compressed.set(file[0], br(file[0]))
  res.writeHead(200, { 'content-type': file[1], 'content-encoding': 'br', 'cache-control': file[2] })
  res.end(compressed.get(file[0]))
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const base = `http://127.0.0.1:${server.address().port}`
const browser = await launchChromium()
async function visible(name) {
  const context = await browser.newContext()
  await context.addInitScript(PROBE)
  const page = await context.newPage()
  await page.goto(`${base}/${name}/page/`)
  await page.waitForFunction(() => window.__bench && window.__bench.visible != null, null, {
    timeout: 20_000,
  })
  const ms = await page.evaluate(() => window.__bench.visible)
  await context.close()
  return ms
}
const a = []
const b = []
await visible('a')
await visible('b')
// Alternating which goes first, so neither always gets the warmer slot.
for (let i = 0; i < RUNS; i++)
  if (i % 2) {
    b.push(await visible('b'))
    a.push(await visible('a'))
  } else {
    a.push(await visible('a'))
    b.push(await visible('b'))
  }
await browser.close()
server.close()
const f = (x) => x.toFixed(1)
const diffs = a.map((x, i) => b[i] - x)
console.log(`A ${dirA}: median ${f(median(a))} ms visible`)
console.log(`B ${dirB}: median ${f(median(b))} ms visible`)
console.log(
  `B − A, median of ${RUNS} paired differences: ${f(median(diffs))} ms; B sooner in ${diffs.filter((d) => d < 0).length} of ${RUNS}`
)
