// `node bench/timeline.mjs`: where a returning visitor's wait for the GA request goes, from Chromium's own
// trace of each page view (no script of the bench's in the page). For Torii (gate only, and with the site's
// server rendering allowed tags unheld), the floor and no CMP, on the
// 2nd and 3rd view after an Accept all, the median over rounds of:
//   scan   navigation start -> the first request the preload scanner sends (gate.js, floor.js or gtag.js);
//   parse  scan -> the main thread starts parsing the page (Chromium sets up the document and its script
//          context in between: no page script can run earlier);
//   gate   how long the head script ran (EvaluateScript, compile and code caching included);
//   ga     parse -> the GA request (the held tag revived), or scan -> it when the preload scanner sent it
//          (no CMP, and the site server's unheld tag).
// run.mjs measures the same delay by the clock (resource timing) over more rounds; this splits it by cause.
import { launchChromium } from './chromium.mjs'
import { ACCEPT_ALL } from './pages.mjs'
import { startSite } from './site.mjs'
import { median } from './stats.mjs'

const RUNS = Number(process.env.BENCH_RUNS || 10)
const PATHS = ['/torii/', '/ssr/', '/floor/', '/none/']
const HEAD_SCRIPT = /\/(gate|floor)\.js/
const CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,v8,blink.user_timing'

const { base, server } = await startSite()
const browser = await launchChromium()

/** Chromium's trace events of one navigation of `page` to `url`, once the GA request has started. */
async function traced(cdp, page, url) {
  const events = []
  const collect = (e) => events.push(...e.value)
  cdp.on('Tracing.dataCollected', collect)
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' })
  await page.goto(url)
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((e) => e.name.includes('gtag/js'))
  )
  await cdp.send('Tracing.end')
  await complete
  cdp.off('Tracing.dataCollected', collect)
  return events
}

/** The four spans of one page view (ms), from its trace events. */
function spans(events, pageUrl) {
  const start = events.find(
    (e) => e.name == 'navigationStart' && e.args?.data?.documentLoaderURL == pageUrl
  )?.ts
  const sent = (pattern) =>
    events.find((e) => e.name == 'ResourceSendRequest' && pattern.test(e.args?.data?.url ?? ''))?.ts
  const ga = sent(/gtag\/js/)
  const scan = Math.min(sent(HEAD_SCRIPT) ?? Infinity, ga)
  const parse = events.find(
    (e) => e.name == 'ParseHTML' && e.args?.beginData?.url == pageUrl && e.ts >= scan
  )?.ts
  const gate = events
    .filter((e) => e.name == 'EvaluateScript' && HEAD_SCRIPT.test(e.args?.data?.url ?? ''))
    .reduce((ms, e) => ms + e.dur / 1000, 0)
  const ms = (from, to) => (from == null || to == null ? null : (to - from) / 1000)
  const headScript = Number.isFinite(sent(HEAD_SCRIPT) ?? Infinity)
  // Sent before the parse started: the preload scanner's request, not a revived tag's.
  const scanned = ga != null && parse != null && ga < parse
  return {
    scan: ms(start, scan),
    parse: headScript ? ms(scan, parse) : null,
    gate: headScript ? gate : null,
    ga: ms(headScript && !scanned ? parse : scan, ga),
    total: ms(start, ga),
  }
}

const views = Object.fromEntries(PATHS.map((p) => [p, { 2: [], 3: [] }]))
for (let round = 0; round < RUNS; round++) {
  for (const path of PATHS) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await page.goto(base + path)
    if (ACCEPT_ALL[path]) await page.locator(ACCEPT_ALL[path]).first().click()
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => e.name.includes('gtag/js'))
    )
    await page.waitForLoadState('networkidle') // as run.mjs: the first visit's work done before leaving
    for (const view of [2, 3])
      views[path][view].push(spans(await traced(cdp, page, base + path), base + path))
    await context.close()
  }
}
await browser.close()
server.close()

const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—')
console.log(`\nreturning visitor, ${RUNS} rounds, median ms (Chromium trace)\n`)
console.log(
  'page, view'.padEnd(16) +
    ['scan', 'parse', 'gate', 'ga', 'GA request at'].map((h) => h.padStart(15)).join('')
)
for (const path of PATHS)
  for (const view of [2, 3]) {
    const rows = views[path][view]
    console.log(
      `${path} ${view}`.padEnd(16) +
        ['scan', 'parse', 'gate', 'ga', 'total']
          .map((k) => f(median(rows.map((r) => r[k]))).padStart(15))
          .join('')
    )
  }
