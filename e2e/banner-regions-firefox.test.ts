// A smoke test of one region model in Firefox ESR (the other models and their details run in Chromium:
// banner-regions*.test.ts). A site whose only rule is a `notice` default needs no geo header, which the
// Firefox driver does not send.
import { expect, test } from 'vitest'
import { startRegionServer, storedReceipts, useEngine, waitForGateSettled } from './support/index.ts'

const engine = useEngine('firefox')
const GA = /googletagmanager\.com\/gtag\/js/
const ADSENSE = /adsbygoogle\.js/
const OK = '[data-torii-action="close"]'

test('notice everywhere: GA and AdSense run on the first visit, OK dismisses the notice with a notice receipt', async () => {
  const server = await startRegionServer({ regions: [{ key: 'default', match: ['*'], model: 'notice' }] })
  const page = await engine.open()
  await page.goto(server.at('/demo/'))
  await waitForGateSettled(page)
  await page.waitInBanner(OK, 'visible')
  expect(page.google.count(GA)).toBe(1)
  expect(page.google.count(ADSENSE)).toBe(1)
  expect(await page.countInBanner('[data-torii-action="reject-all"]')).toBe(0)

  await page.clickInBanner(OK)
  await page.waitInBanner(OK, 'hidden')
  await expect.poll(async () => (await storedReceipts(server)).length).toBe(1)
  expect((await storedReceipts(server))[0]).toMatchObject({
    action: 'notice',
    purposes: { analytics: true, advertising: true },
    regionRule: 'default',
    regionModel: 'notice',
  })
})
