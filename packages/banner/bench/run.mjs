// pnpm bench:banner: Torii side by side with vanilla-cookieconsent 3.1.0 and a page with no CMP, in real
// Chromium against a local server: bytes, time to banner visible, long tasks, and for a returning visitor
// the time until the GA request. Prints figures and PASS/MISS against the targets.
import { gzipSync } from 'node:zlib'
import { launchChromium } from './chromium.mjs'
import { ACCEPT_ALL, FLOOR_GATE, PROBE, TASKS } from './pages.mjs'
import { br, COLD, ccCss, ccJs, gate, startSite, ui } from './site.mjs'
import { median, spread } from './stats.mjs'

const RUNS = Number(process.env.BENCH_RUNS || 15)
const { base, server } = await startSite()

const browser = await launchChromium()

/** A fresh browser context; first visits run PROBE (returning views run nothing of the bench's: see PROBE). */
async function newPage(probe) {
  const context = await browser.newContext()
  if (probe) await context.addInitScript(PROBE)
  return { context, page: await context.newPage() }
}

/** The figures of the page view so far: the probe's, long tasks, and when the GA request started. */
const measure = async (page) => ({
  ...(await page.evaluate(TASKS)),
  ...(await page.evaluate(() => {
    const ga = performance.getEntriesByType('resource').find((e) => e.name.includes('gtag/js'))
    return { visible: window.__bench?.visible ?? null, ga: ga ? ga.startTime : null }
  })),
})

/** Pages with a banner (the floor and the page without a CMP have none). */
const BANNER = (path) => path == '/torii/' || path == '/ssr/' || path == '/cc/'

/** First visit: ms to banner visible, and long tasks. */
async function firstVisit(path) {
  const { context, page } = await newPage(true)
  await page.goto(base + path)
  if (BANNER(path))
    await page.waitForFunction(() => window.__bench && window.__bench.visible != null, null, {
      timeout: 20_000,
    })
  await page.waitForLoadState('load')
  const m = await measure(page)
  await context.close()
  return { ...m, kind: 'first visit' }
}

/**
 * Returning visitor (Accept all on a first visit, then two more page views): ms until the GA request
 * starts, on the second view and the third. They differ: Chromium compiles a script it sees a second
 * time and stores its code cache then, in the same task (parser-blocking for a head script); later views
 * load the cached code.
 */
async function returning(path) {
  const { context, page } = await newPage(false)
  await page.goto(base + path)
  if (BANNER(path)) {
    // Waits until the button is visible, stable and enabled (cookieconsent's fades in).
    await page.locator(ACCEPT_ALL[path]).first().click()
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => e.name.includes('gtag/js'))
    )
  }
  // A returning visitor comes back later, not while the first page is still busy (for a CMP: receipt,
  // IndexedDB, floating button, revived tags). Leaving 50 ms after the click, as this bench did, put that
  // page's last work ahead of the next one's parser: ~15-20 ms more on the 2nd view, for both CMPs. Every
  // page waits the same way, the ones without a banner too.
  await page.waitForLoadState('networkidle')
  const views = []
  for (let view = 2; view <= 3; view++) {
    await page.goto(base + path)
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => e.name.includes('gtag/js'))
    )
    views.push(await measure(page))
  }
  await context.close()
  return {
    ...views[0],
    kind: 'returning',
    ga3: views[1].ga,
    tasks: [...views[0].tasks, ...views[1].tasks],
    frames: [...views[0].frames, ...views[1].frames],
  }
}

// Interleaved (Torii, cookieconsent, the floor, Torii with the site server rendering, no CMP, again…) so a
// busy machine slows each the same.
const PATHS = ['/torii/', '/cc/', '/floor/', '/ssr/', '/none/']
/**
 * The page whose site server renders allowed tags: returning visitors only. Its first visit has no cookie,
 * so the server renders it held, byte for byte the Torii page, whose first visits are measured.
 */
const RETURNING_ONLY = ['/ssr/']
const runs = Object.fromEntries(PATHS.map((p) => [p, { first: [], back: [] }]))
for (const path of PATHS) await firstVisit(path) // warm-up
for (let i = 0; i < RUNS; i++) {
  for (const path of PATHS) {
    if (!RETURNING_ONLY.includes(path)) runs[path].first.push(await firstVisit(path))
    runs[path].back.push(await returning(path))
  }
}
// Which scripts are the CMP's own (Long Animation Frames script attribution, by source URL).
const toriiScript = (url) => url.includes('/s/xtra/gate.js') || url.includes('/assets/')
const CMP_SCRIPT = {
  '/torii/': toriiScript,
  '/ssr/': toriiScript,
  // cookieconsent's library, and the page's inline script that configures it.
  '/cc/': (url) => url.includes('/cc/'),
  '/floor/': (url) => url.includes('/floor.js'),
  '/none/': () => false,
}
/**
 * A long task is the CMP's when it would not have been long without the CMP's own script time in it
 * (task duration − CMP script time < 50 ms). The rest is the browser's own work (parsing, style, layout,
 * paint, the bench's probe), which the page without a CMP shows too.
 */
function attributable(path, m) {
  let n = 0
  for (const task of m.tasks) {
    let cmp = 0
    const mine = []
    for (const frame of m.frames)
      for (const script of frame.scripts)
        if (
          CMP_SCRIPT[path](script.url) &&
          script.start >= task.start &&
          script.start < task.start + task.duration
        ) {
          cmp += script.duration
          mine.push(`${script.invoker} ${script.duration.toFixed(0)} ms`)
        }
    if (task.duration - cmp < 50) {
      n++
      if (DETAIL)
        details.push(
          `${path} ${m.kind} task ${task.duration.toFixed(0)} ms at ${task.start.toFixed(0)}: ${mine.join(', ')}`
        )
    }
  }
  return n
}
/** BENCH_DETAIL=1: each long task counted as the CMP's, with the CMP's scripts in it (after the table). */
const DETAIL = process.env.BENCH_DETAIL == '1'
const details = []
const sum = (xs) => xs.reduce((a, b) => a + b, 0)
const results = {}
for (const path of PATHS) {
  const { first, back } = runs[path]
  const all = [...first, ...back]
  results[path] = {
    visible: median(first.map((m) => m.visible)),
    visibleIqr: spread(first.map((m) => m.visible)),
    longTasks: sum(all.map((m) => m.tasks.length)),
    ours: sum(all.map((m) => attributable(path, m))),
    longest: Math.max(0, ...all.map((m) => Math.max(0, ...m.tasks.map((t) => t.duration)))),
    ga: median(back.map((m) => m.ga)),
    gaIqr: spread(back.map((m) => m.ga)),
    ga3: median(back.map((m) => m.ga3)),
    ga3Iqr: spread(back.map((m) => m.ga3)),
  }
}
await browser.close()
server.close()

const gz = (b) => gzipSync(b, { level: 9 }).length
const toriiBytes = { gzip: gz(gate) + gz(ui), brotli: br(gate).length + br(ui).length, every: gz(gate) }
const bytes = {
  '/torii/': toriiBytes,
  '/cc/': {
    gzip: gz(ccJs) + gz(ccCss),
    brotli: br(ccJs).length + br(ccCss).length,
    every: gz(ccJs) + gz(ccCss),
  },
  // The same page and files; only which tags its server leaves unheld differs.
  '/ssr/': toriiBytes,
  '/floor/': { gzip: gz(FLOOR_GATE), brotli: br(FLOOR_GATE).length, every: gz(FLOOR_GATE) },
  '/none/': { gzip: 0, brotli: 0, every: 0 },
}
const names = {
  '/torii/': 'Torii, gate only',
  '/cc/': 'vanilla-cookieconsent 3.1.0',
  '/floor/': 'floor: head script, revive only',
  '/ssr/': 'Torii, site server renders allowed tags',
  '/none/': 'no CMP',
}
/** The page column: the longest name. */
const W = 41
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—')
/** A difference in ms, with its sign. */
const d = (x) => (x >= 0 ? '+' : '') + f(x)
console.log(
  `\nbanner bench: ${RUNS} runs each (interleaved), median [interquartile range], Chromium headless, local server (brotli, as the Torii server sends it to Chromium), ${COLD ? 'no caching (BENCH_CACHE=cold)' : 'real caching headers'}\n`
)
console.log(
  'page'.padEnd(W) +
    'gzip B'.padStart(8) +
    'brotli B'.padStart(10) +
    'every view'.padStart(12) +
    'visible ms'.padStart(20) +
    'GA 2nd view ms'.padStart(20) +
    'GA 3rd view ms'.padStart(20) +
    'long tasks: all / CMP'.padStart(24)
)
for (const path of Object.keys(results)) {
  const r = results[path]
  const b = bytes[path]
  console.log(
    names[path].padEnd(W) +
      String(b.gzip).padStart(8) +
      String(b.brotli).padStart(10) +
      String(b.every).padStart(12) +
      `${f(r.visible)} [${r.visibleIqr}]`.padStart(20) +
      `${f(r.ga)} [${r.gaIqr}]`.padStart(20) +
      `${f(r.ga3)} [${r.ga3Iqr}]`.padStart(20) +
      `${r.longTasks} / ${path == '/none/' ? '—' : r.ours}`.padStart(24)
  )
}
console.log(
  `\nLong tasks are counted over every page view (first and returning visits). "CMP" counts those that would
not have been long without the CMP's own script time in them (long animation frame script attribution:
task − CMP script < 50 ms); the others are the browser's work (parse, style, layout, paint, the probe),
which the page without a CMP shows too. Returning visits use the browser cache as each host's headers allow;
the 2nd view is where Chromium also compiles and stores a code cache for each script it sees again.
"floor" is a 0.2 kB synchronous head script that only revives text/plain tags: what holding tags
declaratively costs any CMP (the parser must reach and run it; the preload scanner cannot see held tags).
"site server renders allowed tags" is the Torii page whose own server reads the torii cookie
(@torii/banner/server) and writes the tags the visitor allowed unheld, so the preload scanner fetches
them as without a CMP (returning visits only: its first visit is the Torii page, held).`
)
/**
 * A page's GA delay over no CMP, per round (the two page views were made one after the other, so a machine
 * busy at that moment slows both): the median of those differences and its interquartile range.
 */
function delayOverNoCmp(path, key) {
  const diffs = runs[path].back.map((m, i) => m[key] - runs['/none/'].back[i][key])
  return { median: median(diffs), iqr: spread(diffs) }
}
const ssr = results['/ssr/']
const floorDelay = { ga: delayOverNoCmp('/floor/', 'ga'), ga3: delayOverNoCmp('/floor/', 'ga3') }
const t = results['/torii/']
const cc = results['/cc/']
const none = results['/none/']
/** A returning-visitor check: the page's GA delay over no CMP on a view (`ga` 2nd, `ga3` 3rd) ≤ 15 ms. */
function gaCheck(path, label, key) {
  const delay = delayOverNoCmp(path, key)
  const view = key == 'ga3' ? ', 3rd view' : ''
  return [
    `returning visitor GA request within 15 ms of no CMP, ${label}${view} (${f(results[path][key])} vs ${f(none[key])} ms; delay, median of rounds: ${d(delay.median)} [${delay.iqr}])`,
    delay.median <= 15,
  ]
}
const checks = [
  [
    `banner visible ≤ 0.7 × vanilla-cookieconsent (${f(t.visible)} ≤ ${f(0.7 * cc.visible)} ms)`,
    t.visible <= 0.7 * cc.visible,
  ],
  gaCheck('/torii/', 'gate only', 'ga'),
  gaCheck('/torii/', 'gate only', 'ga3'),
  gaCheck('/ssr/', 'site server renders allowed tags', 'ga'),
  gaCheck('/ssr/', 'site server renders allowed tags', 'ga3'),
  [
    `no long task of Torii's (${t.ours + ssr.ours} of ${t.longTasks + ssr.longTasks} long tasks on Torii pages; no CMP: ${none.longTasks}; longest ${f(t.longest)} ms)`,
    t.ours + ssr.ours == 0,
  ],
  [
    `fewer bytes than vanilla-cookieconsent on a first visit (${bytes['/torii/'].gzip} < ${bytes['/cc/'].gzip} B gzip)`,
    bytes['/torii/'].gzip < bytes['/cc/'].gzip,
  ],
]
console.log('')
for (const line of details) console.log(line)
console.log('')
for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'MISS'}  ${label}`)
console.log(
  `info  the floor's own GA delay over no CMP, median of rounds: ${d(floorDelay.ga.median)} ms (2nd view), ${d(floorDelay.ga3.median)} ms (3rd)`
)
