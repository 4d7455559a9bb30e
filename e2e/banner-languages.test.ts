// The banner's built-in texts in the visitor's language, in real Chromium: only that language's chunk is
// loaded (English and Japanese are built into the UI chunk), the site's languages decide what is offered,
// and a chunk that fails to load leaves an English banner and a console warning.
import type { BrowserContext, Page, Request } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  bannerButton,
  bannerHost,
  collectPageErrors,
  formatViolations,
  publishDemo,
  recordGoogleRequests,
  runAxe,
  startTestServer,
  type TestServer,
  useBrowser,
  waitForBanner,
} from './support/index.ts'

const browser = useBrowser()
const TEXTS_CHUNK = /\/assets\/texts-([\w-]+)-[\w-]{6}\.js$/

/** A server whose demo site also offers German and Traditional Chinese (purpose names in each). */
async function serverWithLanguages(): Promise<TestServer> {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const NAMES: Record<string, [string, string]> = {
    necessary: ['Unbedingt erforderlich', '必要'],
    analytics: ['Statistik', '分析'],
    advertising: ['Werbung', '廣告'],
  }
  await publishDemo(server, (config) => ({
    ...config,
    languages: [...config.languages, 'de', 'zh-Hant'],
    purposes: config.purposes.map((p) => ({
      ...p,
      name: { ...p.name, de: NAMES[p.key]![0], 'zh-Hant': NAMES[p.key]![1] },
    })),
  }))
  return server
}

/** A page of the site in `lang`, with the gate first in <head>; the language chunks it requests are listed. */
interface PageOptions {
  failTexts?: boolean
  locale?: string
  /** Routes of the test's own, set before the page opens. */
  prepare?(context: BrowserContext): Promise<void>
}

async function openPage(server: TestServer, lang: string, options: PageOptions = {}) {
  const context = await browser.newContext({ locale: options.locale })
  await recordGoogleRequests(context)
  // After the recorder's: Playwright runs the routes last added first.
  await options.prepare?.(context)
  const url = server.at(`/page-${lang}.html`)
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Seite</title><script src="/s/xtra/gate.js"></script></head><body><main><h1>Seite</h1><iframe title="Anzeige" data-vendor="google-adsense" data-src="https://googleads.g.doubleclick.net/pagead/ads"></iframe></main></body></html>`,
    })
  )
  if (options.failTexts) await context.route(TEXTS_CHUNK, (route) => route.abort())
  const page = await context.newPage()
  const chunks: string[] = []
  page.on('request', (request: Request) => {
    const hit = TEXTS_CHUNK.exec(new URL(request.url()).pathname)
    if (hit) chunks.push(hit[1]!)
  })
  const warnings: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text())
  })
  await page.goto(url)
  await waitForBanner(page)
  return { page, chunks, warnings }
}

const label = (page: Page, action: 'accept-all' | 'reject-all' | 'customize') =>
  bannerButton(page, action).textContent()

test('<html lang="de"> on a site with German: the German banner and dialog, one language chunk, axe clean', async () => {
  const server = await serverWithLanguages()
  const { page, chunks } = await openPage(server, 'de')
  const errors = collectPageErrors(page)
  expect(await label(page, 'accept-all')).toBe('Alle akzeptieren')
  expect(await label(page, 'reject-all')).toBe('Alle ablehnen')
  expect(await label(page, 'customize')).toBe('Anpassen')
  expect(await bannerHost(page).getAttribute('lang')).toBe('de')
  // The blocked iframe's stand-in in German too, from the same chunk.
  const allow = page.getByRole('button', { name: 'Google AdSense erlauben' })
  await allow.waitFor()
  const said = await page.locator('.torii-placeholder', { has: allow }).locator('p').textContent()
  expect(said).toBe('Damit erlauben Sie auch: Werbung.')
  const first = await runAxe(page)
  expect(first, formatViolations(first)).toEqual([])

  // The dialog's texts came in the same chunk: opening it requests no other.
  await bannerButton(page, 'customize').click()
  await page.getByRole('dialog', { name: 'Datenschutzeinstellungen' }).waitFor()
  await page.getByRole('switch', { name: 'Statistik' }).waitFor()
  expect(await bannerButton(page, 'save').textContent()).toBe('Auswahl speichern')
  const dialog = await runAxe(page)
  expect(dialog, formatViolations(dialog)).toEqual([])
  expect(chunks).toEqual(['de'])
  expect(errors).toEqual([])
})

test('<html lang="zh-TW"> gets Traditional Chinese; a language the site does not offer gets its default', async () => {
  const server = await serverWithLanguages()
  const zh = await openPage(server, 'zh-TW')
  expect(await label(zh.page, 'accept-all')).toBe('全部接受')
  expect(await label(zh.page, 'reject-all')).toBe('全部拒絕')
  expect(await bannerHost(zh.page).getAttribute('lang')).toBe('zh-Hant')
  expect(zh.chunks).toEqual(['zh-Hant'])

  // French has built-in texts but is not one of the site's languages, nor is the browser's (Korean): the
  // site's default, Japanese (built into the UI chunk). The French chunk was requested before config.json
  // said so: the likely language's request starts beside config.json's.
  const fr = await openPage(server, 'fr', { locale: 'ko-KR' })
  expect(await label(fr.page, 'accept-all')).toBe('すべて許可')
  expect(await bannerHost(fr.page).getAttribute('lang')).toBe('ja')
  expect(fr.chunks).toEqual(['fr'])
})

test('a language chunk that fails to load: the banner in English, and a console warning', async () => {
  const server = await serverWithLanguages()
  const { page, warnings } = await openPage(server, 'de', { failTexts: true })
  expect(await label(page, 'accept-all')).toBe('Accept all')
  expect(warnings.some((w) => w.includes('[torii] no de texts, English shown'))).toBe(true)
})

test('the language chunk is requested while config.json is still on its way', async () => {
  const server = await serverWithLanguages()
  let requested = () => {}
  const chunkRequested = new Promise<void>((resolve) => {
    requested = resolve
  })
  // config.json is answered only once the German chunk was requested: were the chunk requested after
  // config.json's answer (one more round trip before the banner), the banner would never show.
  const { page } = await openPage(server, 'de', {
    prepare: async (context) => {
      context.on('request', (request) => {
        if (TEXTS_CHUNK.test(new URL(request.url()).pathname)) requested()
      })
      await context.route(server.at('/s/xtra/config.json'), async (route) => {
        await chunkRequested
        await route.continue()
      })
    },
  })
  expect(await label(page, 'accept-all')).toBe('Alle akzeptieren')
})
