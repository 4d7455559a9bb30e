// pnpm bench:banner: Torii side by side with vanilla-cookieconsent 3.1.0 and a page with no CMP, in real
// Chromium against a local server: bytes, time to banner visible, long tasks, and for a returning visitor
// the time until the GA request. Prints figures and PASS/MISS against the targets.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { demoGateConfig } from '../scripts/gate-config.mjs'
import { servedGate } from '../scripts/size.mjs'
import { COOKIECONSENT, NO_CMP, PROBE, TORII } from './pages.mjs'

const RUNS = Number(process.env.BENCH_RUNS || 15)
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ccDist = join(root, 'node_modules/vanilla-cookieconsent/dist')
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const manifest = JSON.parse(readFileSync(join(root, 'dist/manifest.json'), 'utf8'))
const { gate, ui, prefs } = await servedGate()
const { revision } = await demoGateConfig('/' + manifest.ui)
const ccJs = readFileSync(join(ccDist, 'cookieconsent.umd.js'))
const ccCss = readFileSync(join(ccDist, 'cookieconsent.css'))

// The local server: what the Torii server and a site's static host would answer (compressed like them).
const files = {
  '/torii/': [TORII, 'text/html'],
  '/cc/': [COOKIECONSENT, 'text/html'],
  '/none/': [NO_CMP, 'text/html'],
  '/s/xtra/gate.js': [gate, 'text/javascript'],
  [`/${manifest.ui}`]: [ui, 'text/javascript'],
  // Not fetched to show the banner (only when the preferences open); served like the server does.
  [`/${manifest.prefs}`]: [prefs, 'text/javascript'],
  '/s/xtra/config.json': [JSON.stringify(revision), 'application/json'],
  '/cc/cookieconsent.umd.js': [ccJs, 'text/javascript'],
  '/cc/cookieconsent.css': [ccCss, 'text/css'],
  '/gtag/js': ['/* gtag stub */', 'text/javascript'],
}
const server = createServer((req, res) => {
  const path = req.url.split('?')[0]
  if (req.method == 'POST') {
    res.writeHead(201, { 'content-type': 'application/json' })
    return res.end('{"id":"bench"}')
  }
  const file = files[path]
  if (!file) return res.writeHead(404).end()
  const body = gzipSync(file[0])
  res.writeHead(200, { 'content-type': file[1], 'content-encoding': 'gzip', 'cache-control': 'no-store' })
  res.end(body)
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const base = `http://127.0.0.1:${server.address().port}`

const browser = await chromium.launch({
  executablePath: process.env.TORII_CHROMIUM || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
})

async function newPage() {
  const context = await browser.newContext()
  await context.addInitScript(PROBE)
  return { context, page: await context.newPage() }
}

const measure = (page) =>
  page.evaluate(() => {
    const ga = performance.getEntriesByType('resource').find((e) => e.name.includes('gtag/js'))
    return { ...window.__bench, ga: ga ? ga.startTime : null }
  })

/** First visit: ms to banner visible, and long tasks. */
async function firstVisit(path) {
  const { context, page } = await newPage()
  await page.goto(base + path)
  await page.waitForFunction(() => window.__bench && window.__bench.visible != null, null, {
    timeout: 20_000,
  })
  await page.waitForLoadState('load')
  const m = await measure(page)
  await context.close()
  return m
}

/** Returning visitor (Accept all on a first visit, then a new page view): ms until the GA request starts. */
async function returning(path) {
  const { context, page } = await newPage()
  await page.goto(base + path)
  if (path != '/none/') {
    await page.waitForFunction(() => window.__bench && window.__bench.visible != null)
    const accept =
      path == '/torii/' ? 'torii-consent [data-torii-action="accept-all"]' : '#cc-main [data-role="all"]'
    await page.locator(accept).first().click()
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => e.name.includes('gtag/js'))
    )
    await page.waitForTimeout(50) // let the CMP finish writing its cookie and receipt before leaving
  }
  await page.goto(base + path)
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((e) => e.name.includes('gtag/js'))
  )
  const m = await measure(page)
  await context.close()
  return m
}

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b)
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN
}

// Interleaved (Torii, cookieconsent, no CMP, again…) so a busy machine slows each the same.
const PATHS = ['/torii/', '/cc/', '/none/']
const runs = Object.fromEntries(PATHS.map((p) => [p, { first: [], back: [] }]))
for (const path of PATHS) if (path != '/none/') await firstVisit(path) // warm-up
for (let i = 0; i < RUNS; i++) {
  for (const path of PATHS) {
    if (path != '/none/') runs[path].first.push(await firstVisit(path))
    runs[path].back.push(await returning(path))
  }
}
const results = {}
for (const path of PATHS) {
  const { first, back } = runs[path]
  results[path] = {
    visible: median(first.map((m) => m.visible)),
    longTasks: first.reduce((n, m) => n + m.longTasks, 0) + back.reduce((n, m) => n + m.longTasks, 0),
    longest: Math.max(0, ...first.map((m) => m.longest), ...back.map((m) => m.longest)),
    ga: median(back.map((m) => m.ga)),
  }
}
await browser.close()
server.close()

const gz = (b) => gzipSync(b, { level: 9 }).length
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
const bytes = {
  '/torii/': { gzip: gz(gate) + gz(ui), brotli: br(gate) + br(ui), every: gz(gate) },
  '/cc/': { gzip: gz(ccJs) + gz(ccCss), brotli: br(ccJs) + br(ccCss), every: gz(ccJs) + gz(ccCss) },
  '/none/': { gzip: 0, brotli: 0, every: 0 },
}
const names = { '/torii/': 'Torii', '/cc/': 'vanilla-cookieconsent 3.1.0', '/none/': 'no CMP' }
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—')
console.log(
  `\nbanner bench: ${RUNS} runs each (interleaved), median, Chromium headless, local server (gzip)\n`
)
console.log(
  'page'.padEnd(30) +
    'gzip B'.padStart(8) +
    'brotli B'.padStart(10) +
    'every view'.padStart(12) +
    'visible ms'.padStart(12) +
    'GA (return) ms'.padStart(16) +
    'long tasks'.padStart(12)
)
for (const path of Object.keys(results)) {
  const r = results[path]
  const b = bytes[path]
  console.log(
    names[path].padEnd(30) +
      String(b.gzip).padStart(8) +
      String(b.brotli).padStart(10) +
      String(b.every).padStart(12) +
      f(r.visible).padStart(12) +
      f(r.ga).padStart(16) +
      String(r.longTasks).padStart(12)
  )
}
const t = results['/torii/']
const cc = results['/cc/']
const none = results['/none/']
const checks = [
  [
    `banner visible ≤ 0.7 × vanilla-cookieconsent (${f(t.visible)} ≤ ${f(0.7 * cc.visible)} ms)`,
    t.visible <= 0.7 * cc.visible,
  ],
  [
    `returning visitor GA request within 15 ms of no CMP (${f(t.ga)} vs ${f(none.ga)} ms, +${f(t.ga - none.ga)})`,
    t.ga - none.ga <= 15,
  ],
  [`no long task (Torii pages: ${t.longTasks}, longest ${f(t.longest)} ms)`, t.longTasks == 0],
  [
    `fewer bytes than vanilla-cookieconsent on a first visit (${bytes['/torii/'].gzip} < ${bytes['/cc/'].gzip} B gzip)`,
    bytes['/torii/'].gzip < bytes['/cc/'].gzip,
  ],
]
console.log('')
for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'MISS'}  ${label}`)
