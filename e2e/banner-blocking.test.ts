// Auto-blocking in real Chromium: tags page code adds at run time (createElement, innerHTML, setAttribute,
// document.write) are held until their vendor is granted, then run (in both engines: banner-engines.test.ts);
// iframes get an "allow" placeholder.
import { readFileSync } from 'node:fs'
import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
import { expect, onTestFinished, test } from 'vitest'
import {
  collectPageErrors,
  readChoice,
  recordGoogleRequests,
  startTestServer,
  useBrowser,
} from './support/index.ts'

const browser = useBrowser()
const INJECT = readFileSync(new URL('./fixtures/banner-inject.html', import.meta.url), 'utf8')

async function visitFixture() {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  const context = await browser.newContext()
  const google = await recordGoogleRequests(context)
  const url = server.at('/fixtures/banner-inject.html')
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: INJECT }))
  const page = await context.newPage()
  const errors = collectPageErrors(page)
  onTestFinished(() => expect(errors).toEqual([]))
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { injected?: { done?: boolean } }).injected?.done)
  return { server, context, google, page }
}

test('a blocked iframe shows a placeholder whose button allows its vendor, and only that vendor', async () => {
  const { page, google } = await visitFixture()
  const allow = page.getByRole('button', { name: 'Allow Google Analytics 4' }).first()
  await allow.waitFor()
  expect(google.count()).toBe(0)
  // The stand-in says, before its button, which purposes allowing the vendor grants (by their shown names).
  const said = await page.locator('.torii-placeholder', { has: allow }).locator('p').first().textContent()
  const analytics = DEMO_SITE_CONFIG.purposes.find((p) => p.key === 'analytics')?.name.en
  expect(said).toBe(`Allowing it also allows: ${analytics}.`)
  await allow.click()
  await expect.poll(() => google.count('www.google-analytics.com/embed/report')).toBe(1)
  expect(await page.getAttribute('#declared', 'src')).toBe('https://www.google-analytics.com/embed/report')
  expect(await page.locator('.torii-placeholder').count()).toBeGreaterThan(0) // the AdSense frame stays held
  expect(await readChoice(page)).toMatchObject({
    purposes: { analytics: true, advertising: false },
    vendors: { 'google-analytics': true, 'google-adsense': false },
  })
  // The page's injected GA script has run: revival goes in document order, so AdSense's script (written
  // earlier, in <head>) would have been requested by now. A definite condition, unlike 'networkidle',
  // which a loaded CI machine sometimes never reached in 30 s here.
  await page.waitForFunction(() => (window as unknown as { injected: { loaded: boolean } }).injected.loaded)
  expect(google.count(/adsbygoogle|doubleclick/)).toBe(0)
})
