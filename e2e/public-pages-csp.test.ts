// The public HTML pages (a receipt, a site's disclosure, the proof checker) served with their strict
// Content-Security-Policy, in real Chromium: each renders and runs with no violation reported.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import { collectPageErrors, recordReceipt, useBrowser, useTestServer } from './support/index.ts'

const browser = useBrowser()
const server = useTestServer()

/** Opens `path`, collecting CSP violations (the DOM event, and Chromium's console report) and page errors. */
async function open(path: string) {
  const page: Page = await (await browser.newContext()).newPage()
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`)
    )
  })
  // Browsers ask for /favicon.ico on their own; these pages have none.
  const errors = collectPageErrors(page, { ignore: ['favicon.ico'] })
  const response = await page.goto(server().at(path))
  const csp = response?.headers()['content-security-policy'] ?? ''
  const violations = async () => [
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
    ...errors.filter((error) => /Content Security Policy/i.test(error)),
  ]
  return { page, csp, errors, violations }
}

test('a receipt page renders its styled table under a CSP that forbids framing, with no violation', async () => {
  const ack = await recordReceipt(server(), 'consent-id-csp-receipt-0001')
  const { page, csp, errors, violations } = await open(`/receipts/${ack.id}`)
  expect(csp).toMatch(/frame-ancestors 'none'/)
  expect(csp).toMatch(/default-src 'none'/)
  await page.locator('h1').waitFor()
  // The inline style applied: the table's cells have the page's borders.
  expect(
    await page
      .locator('th')
      .first()
      .evaluate((cell) => getComputedStyle(cell).borderTopStyle)
  ).toBe('solid')
  expect(await violations()).toEqual([])
  expect(errors).toEqual([])
})

test('the disclosure page renders under its CSP, with no violation', async () => {
  const { page, csp, errors, violations } = await open('/s/xtra/disclosure?lang=en')
  expect(csp).toMatch(/frame-ancestors 'none'/)
  await page.locator('h1').waitFor()
  expect(await page.locator('body').evaluate((body) => getComputedStyle(body).maxWidth)).not.toBe('none')
  expect(await violations()).toEqual([])
  expect(errors).toEqual([])
})

test('the proof checker runs its script under its CSP and checks a bundle, with no violation', async () => {
  const ack = await recordReceipt(server(), 'consent-id-csp-checker-0001')
  await server().ledger.seal()
  const bundle = await (await fetch(server().at(`/receipts/${ack.id}/proof.json`))).text()
  const vkey = (await (await fetch(server().at('/log/vkey'))).text()).split('\n')[0]!
  const { page, csp, errors, violations } = await open(`/verify-proof#vkey=${encodeURIComponent(vkey)}`)
  expect(csp).toMatch(/script-src 'sha256-/)
  // The script ran: it read the key from the fragment.
  await expect.poll(() => page.locator('#vkey').inputValue()).toBe(vkey)
  await page.getByLabel('or paste the bundle').fill(bundle)
  await page.getByRole('button', { name: 'Check the receipt' }).click()
  await page.locator('#result[data-ok]').waitFor()
  expect(await page.locator('#result').getAttribute('data-ok')).toBe('true')
  expect(await violations()).toEqual([])
  expect(errors).toEqual([])
})

test('a page of another origin cannot frame a receipt page', async () => {
  const ack = await recordReceipt(server(), 'consent-id-csp-frame-00001')
  const receiptUrl = server().at(`/receipts/${ack.id}`)
  // The control: a file the server lets anyone frame (the gate), beside the receipt page.
  const gateUrl = server().at('/s/xtra/gate.js')
  // Another origin (another port) on a real local server: Chromium lets no other address frame a local one.
  const framer = createServer((_, res) => {
    res.setHeader('content-type', 'text/html')
    res.end(`<script>var loads = 0</script>
      <iframe src="${receiptUrl}" onload="if (++loads === 2) document.title = 'loaded'"></iframe>
      <iframe src="${gateUrl}" onload="if (++loads === 2) document.title = 'loaded'"></iframe>`)
  })
  await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => framer.close(() => resolve())))
  const page = await (await browser.newContext()).newPage()
  await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`)
  // The load event fires for a refused frame too; Chromium then shows its error page in it.
  await expect.poll(() => page.title()).toBe('loaded')
  const urls = page.frames().map((frame) => frame.url())
  expect(urls).toContain(gateUrl)
  expect(urls).not.toContain(receiptUrl)
})
