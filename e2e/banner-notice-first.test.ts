// A notice-model region's first visit shows the notice without the UI chunk (the notice gate's floating
// button chunk draws it, src/ui/notice-first.ts), and the UI chunk takes over when the visitor presses a
// button: here the UI chunk is held back by the network until the test lets it through, so the notice can only
// have been drawn without it, and a press made before it came is acted on once it is in.
import type { BrowserContext } from 'playwright-core'
import { expect, test } from 'vitest'
import {
  preferencesButton,
  regionNotice,
  startRegionServer,
  storedReceipts,
  useBrowser,
  visitorFrom,
} from './support/index.ts'

const browser = useBrowser()

/** Holds every request for the UI chunk until `release()`; `requested` says whether one was made. */
async function holdUiChunk(context: BrowserContext) {
  let release!: () => void
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  const held = { requested: false, release }
  await context.route(/\/assets\/ui-[\w-]+\.js$/, async (route) => {
    held.requested = true
    await released
    await route.continue()
  })
  return held
}

/** A first visit from Japan (the demo's notice rule), the UI chunk held back. */
async function firstVisitFromJapan() {
  const server = await startRegionServer()
  const visit = await visitorFrom(browser, { country: 'JP' })
  const ui = await holdUiChunk(visit.context)
  await visit.page.goto(server.at('/demo/'))
  const notice = regionNotice(visit.page)
  await notice.waitFor()
  return { server, ui, notice, ...visit }
}

test('the notice shows without the UI chunk, and OK pressed before it came records the notice once it is in', async () => {
  const { server, ui, notice, page } = await firstVisitFromJapan()
  expect(await notice.getByRole('heading').textContent()).toBe('利用者情報の外部送信について')
  await notice.locator('[data-torii-action="close"]').click()
  // The press needs the UI chunk: it was asked for, and nothing is decided while it is held.
  await expect.poll(() => ui.requested).toBe(true)
  expect(await notice.count()).toBe(1)
  expect(await page.evaluate(() => document.cookie.includes('torii='))).toBe(false)
  ui.release()
  await notice.waitFor({ state: 'detached' })
  await expect.poll(async () => (await storedReceipts(server)).length).toBe(1)
  expect((await storedReceipts(server))[0]).toMatchObject({ action: 'notice', regionModel: 'notice' })
})

test("the notice's Preferences, pressed before the UI chunk came, opens them over one notice; Escape gives focus back to it", async () => {
  const { ui, notice, page } = await firstVisitFromJapan()
  await notice.locator('[data-torii-action="customize"]').click()
  ui.release()
  await page.getByRole('dialog').waitFor()
  expect(await page.locator('torii-consent').locator('section.notice').count()).toBe(1)
  expect(await preferencesButton(page, 'accept-all').count()).toBe(1)
  await page.keyboard.press('Escape')
  await page.getByRole('dialog').waitFor({ state: 'detached' })
  // The notice stays until a choice, and focus is back on its Preferences button.
  expect(await notice.count()).toBe(1)
  expect(
    await page.evaluate(() =>
      document.querySelector('torii-consent')?.shadowRoot?.activeElement?.getAttribute('data-torii-action')
    )
  ).toBe('customize')
})
