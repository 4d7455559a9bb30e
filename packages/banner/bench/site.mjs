// The bench's local site: what the Torii server and a site's static host would answer for the bench pages
// (run.mjs, timeline.mjs), compressed and cached like them.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { allowedByCookie, gateConfigOf } from '../dist/server.js'
import { demoGateConfig } from '../scripts/gate-config.mjs'
import { servedGate } from '../scripts/size.mjs'
import { COOKIECONSENT, FLOOR, FLOOR_GATE, NO_CMP, ssrPage, TORII } from './pages.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ccDist = join(root, 'node_modules/vanilla-cookieconsent/dist')
const manifest = JSON.parse(readFileSync(join(root, 'dist/manifest.json'), 'utf8'))
export const { gate, ui, prefs } = await servedGate()
const { revision } = await demoGateConfig('/' + manifest.ui)
/** The gate config a site's server fetches from config.json and caches (docs/cookie-format.md). */
const gateConfig = gateConfigOf(revision)
export const ccJs = readFileSync(join(ccDist, 'cookieconsent.umd.js'))
export const ccCss = readFileSync(join(ccDist, 'cookieconsent.css'))

// Caching as each file's real host sends it, so a returning visitor's browser cache holds what it would
// hold: the Torii server (gate.js and config.json: 60 s + stale-while-revalidate; hashed assets:
// immutable), a CDN for vanilla-cookieconsent's versioned files (immutable), Google for gtag.js
// (private, 15 min). Pages are never cached. BENCH_CACHE=cold serves everything no-store instead.
export const COLD = process.env.BENCH_CACHE == 'cold'
const LIVE = 'public, max-age=60, stale-while-revalidate=600'
const IMMUTABLE = 'public, max-age=31536000, immutable'
const GOOGLE = 'private, max-age=900'
const fab = readFileSync(join(root, 'dist', manifest.fab))
/** Brotli at its best quality, as the server and the build's precompressed assets use. */
export const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })

// The local server: what the Torii server and a site's static host would answer (compressed like them).
const files = {
  '/torii/': [TORII, 'text/html', 'no-store'],
  '/cc/': [COOKIECONSENT, 'text/html', 'no-store'],
  '/none/': [NO_CMP, 'text/html', 'no-store'],
  '/floor/': [FLOOR, 'text/html', 'no-store'],
  // Cached like the gate, so the floor pays the same for a synchronous head script as Torii does.
  '/floor.js': [FLOOR_GATE, 'text/javascript', LIVE],
  '/s/xtra/gate.js': [gate, 'text/javascript', LIVE],
  [`/${manifest.ui}`]: [ui, 'text/javascript', IMMUTABLE],
  // Not fetched to show the banner (only when the preferences open); served like the server does.
  [`/${manifest.prefs}`]: [prefs, 'text/javascript', IMMUTABLE],
  // The floating button, fetched by a returning visitor's page view.
  [`/${manifest.fab}`]: [fab, 'text/javascript', IMMUTABLE],
  '/s/xtra/config.json': [JSON.stringify(revision), 'application/json', LIVE],
  '/cc/cookieconsent.umd.js': [ccJs, 'text/javascript', IMMUTABLE],
  '/cc/cookieconsent.css': [ccCss, 'text/css', IMMUTABLE],
  '/gtag/js': ['/* gtag stub */', 'text/javascript', GOOGLE],
}
const server = createServer((req, res) => {
  const path = req.url.split('?')[0]
  if (req.method == 'POST') {
    res.writeHead(201, { 'content-type': 'application/json' })
    return res.end('{"id":"bench"}')
  }
  // The site's own server: the tags the request's torii cookie allows unheld (rendered per request).
  const file =
    path == '/ssr/'
      ? [
          ssrPage(allowedByCookie(req.headers.cookie, gateConfig, { gpc: req.headers['sec-gpc'] == '1' })),
          'text/html',
          'no-store',
        ]
      : files[path]
  if (!file) return res.writeHead(404).end()
  // Brotli when the browser asks for it, as the Torii server and a CDN answer (Chromium sends br here).
  const wantsBr = /\bbr\b/.test(req.headers['accept-encoding'] || '')
  const body = wantsBr ? bodies(file[0]).br : bodies(file[0]).gzip
  const cache = COLD ? 'no-store' : file[2]
  res.writeHead(200, {
    'content-type': file[1],
    'content-encoding': wantsBr ? 'br' : 'gzip',
    'cache-control': cache,
    vary: 'Accept-Encoding',
  })
  res.end(body)
})
/** Each file compressed once, as a server's cache or a build's precompressed copies hold it. */
const compressed = new Map()
function bodies(content) {
  if (!compressed.has(content))
    compressed.set(content, { br: Buffer.from(br(content)), gzip: gzipSync(content) })
  return compressed.get(content)
}
/** Starts the site on 127.0.0.1; resolves with its base URL and the server (to close). */
export async function startSite() {
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  return { base: `http://127.0.0.1:${server.address().port}`, server }
}
