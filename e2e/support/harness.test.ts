// Tests of the harness itself, on a page served by a bare node:http server (no Torii server needed).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  collectPageErrors,
  formatViolations,
  readGoogleStub,
  recordGoogleRequests,
  runAxe,
  useBrowser,
} from './index.ts'

const PAGES: Record<string, string> = {
  '/tags.html': `<!doctype html><html lang="en"><head><title>tags</title>
<script>
  window.dataLayer = window.dataLayer || []
  function gtag(){ dataLayer.push(arguments) }
  gtag('consent', 'default', { ad_storage: 'denied', analytics_storage: 'denied' })
</script>
<script src="https://www.googletagmanager.com/gtag/js?id=G-TEST" async></script>
<script>gtag('js', new Date()); gtag('config', 'G-TEST')</script>
<script src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1" async crossorigin></script>
</head><body><main><h1>Tags</h1>
<ins class="adsbygoogle" data-ad-client="ca-pub-1" data-ad-slot="42"></ins>
<script>(adsbygoogle = window.adsbygoogle || []).push({})</script>
</main></body></html>`,
  '/stray.html': `<!doctype html><html lang="en"><head><title>stray</title>
<script src="https://cdn.example.com/lib.js"></script></head><body><main><h1>Stray</h1></main></body></html>`,
  '/broken.html': `<!doctype html><html lang="en"><head><title>broken</title></head><body><main><h1>Broken</h1>
<script>console.error('logged on purpose'); setTimeout(() => { throw new Error('thrown on purpose') })</script>
</main></body></html>`,
  '/shadow.html': `<!doctype html><html lang="en"><head><title>shadow</title></head><body><main><h1>Shadow</h1>
<torii-consent></torii-consent>
<script>document.querySelector('torii-consent').attachShadow({ mode: 'open' }).innerHTML = '<button></button>'</script>
</main></body></html>`,
}

let http: Server
let base = ''
beforeAll(async () => {
  http = createServer((req, res) => {
    const page = PAGES[req.url ?? '']
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
    res.end(page ?? 'not found')
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())))

const browser = useBrowser()

describe('recordGoogleRequests', () => {
  test('answers gtag.js and adsbygoogle.js with stubs that keep their queue semantics, in order', async () => {
    const context = await browser.newContext()
    const google = await recordGoogleRequests(context)
    const page = await context.newPage()
    await page.goto(`${base}/tags.html`)
    await page.waitForFunction(() => document.querySelector('ins[data-adsbygoogle-status="done"]') !== null)
    await expect.poll(() => google.count('/g/collect')).toBe(1)
    await expect.poll(() => google.count('doubleclick.net/pagead/ads')).toBe(1)
    const stub = await readGoogleStub(page)
    expect(stub.gtag?.consent).toEqual({ ad_storage: 'denied', analytics_storage: 'denied' })
    expect(stub.gtag?.commands.map((c) => c.args[0])).toEqual(['consent', 'js', 'config'])
    expect(stub.gtag?.hits[0].gcs).toBe('G100')
    expect(await page.evaluate(() => document.cookie)).toBe('')
    // A later command is processed too (push is replaced), with the new state.
    await page.evaluate(() => {
      const w = window as unknown as { gtag: (...args: unknown[]) => void }
      w.gtag('consent', 'update', { ad_storage: 'granted', analytics_storage: 'granted' })
      w.gtag('event', 'signup')
    })
    await expect.poll(() => google.count('gcs=G111')).toBe(1)
    expect(await page.evaluate(() => document.cookie)).toContain('_ga=')
    expect(
      google.requests
        .slice(0, 2)
        .map((r) => r.answer)
        .sort()
    ).toEqual(['adsbygoogle', 'gtag'])
    expect(google.requests.every((r, i, all) => i === 0 || all[i - 1].time <= r.time)).toBe(true)
    expect(google.blocked).toEqual([])
    google.assertNoStrayRequests()
  })

  test('blocks and counts requests to other hosts, and can fail on them', async () => {
    const context = await browser.newContext()
    const google = await recordGoogleRequests(context)
    const page = await context.newPage()
    await page.goto(`${base}/stray.html`)
    expect(google.blocked.map((r) => r.url)).toEqual(['https://cdn.example.com/lib.js'])
    expect(google.count()).toBe(0)
    expect(() => google.assertNoStrayRequests()).toThrow(/cdn\.example\.com/)
    google.clear()
    expect(google.blocked).toEqual([])
  })
})

describe('collectPageErrors', () => {
  test('collects uncaught exceptions and console errors, minus the ignored ones', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors = collectPageErrors(page)
    const quiet = collectPageErrors(page, { console: false, ignore: ['nothing matches this'] })
    await page.goto(`${base}/broken.html`)
    await expect.poll(() => errors.length).toBe(2)
    expect(errors.join('\n')).toMatch(
      /console\.error: logged on purpose[\s\S]*pageerror: Error: thrown on purpose/
    )
    expect(quiet).toHaveLength(1)
  })
})

describe('runAxe', () => {
  test('finds violations inside the open shadow root of <torii-consent>, and can leave it out', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${base}/shadow.html`)
    const all = await runAxe(page)
    expect(all.map((v) => v.id)).toContain('button-name')
    expect(formatViolations(all)).toMatch(/button-name \(critical\): \[\["torii-consent","button"\]\]/)
    expect(await runAxe(page, { exclude: ['torii-consent'] })).toEqual([])
    expect((await runAxe(page, 'torii-consent')).map((v) => v.id)).toEqual(['button-name'])
  })
})
