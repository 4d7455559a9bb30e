// The preferences dialog in each language: its own punctuation, and the visitor's consent id with a link to
// their record (REC-12), in real Chromium against the real server.
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import {
  bannerButton,
  formatViolations,
  readChoice,
  runAxe,
  useBrowser,
  visitWithBanner,
} from './support/index.ts'

const browser = useBrowser()

const visit = async (path: string) => (await visitWithBanner(browser, path)).page

/** The history the banner keeps in IndexedDB (`torii` / `kv`), without creating the database if absent. */
const history = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ input: { consentId: string }; ack: { proofUrl: string } | null }[]>((resolve) => {
        const open = indexedDB.open('torii')
        open.onupgradeneeded = () => open.transaction!.abort()
        open.onerror = () => resolve([])
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('kv')) {
            db.close()
            return resolve([])
          }
          const get = db.transaction('kv').objectStore('kv').get('history')
          get.onsuccess = () => resolve(get.result ?? [])
          get.transaction!.oncomplete = () => db.close()
        }
      })
  )

test("the preferences use each language's own punctuation", async () => {
  for (const [path, required, note] of [
    ['/demo/en/', 'Strictly necessary', /^Always on\. What the site/],
    ['/demo/', '必須', /^常にオン。サイトの表示/],
  ] as const) {
    const page = await visit(path)
    await bannerButton(page, 'customize').click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    const section = dialog.locator('section', { has: page.getByRole('heading', { name: required }) })
    expect(await section.locator('.note').textContent()).toMatch(note)
    if (path === '/demo/') {
      // No Latin full stop or colon followed by a space in Japanese text.
      expect(await dialog.textContent()).not.toMatch(/[ぁ-んァ-ン一-龯][.:] /)
      expect(
        await dialog.getByRole('link', { name: 'Google Analytics 4のプライバシーポリシー' }).count()
      ).toBe(1)
    }
  }
})

for (const [language, path, record] of [
  ['English', '/demo/en/', 'Your consent record'],
  ['Japanese', '/demo/', '同意の記録を見る'],
] as const) {
  test(`REC-12: after Accept all, the preferences show the consent id and a link to the receipt (${language})`, async () => {
    const page = await visit(path)
    // Before any choice there is no record to show.
    await bannerButton(page, 'customize').click()
    await page.getByRole('dialog').waitFor()
    expect(await page.getByRole('link', { name: record }).count()).toBe(0)
    expect(await page.locator('torii-consent code').count()).toBe(0)
    await bannerButton(page, 'close').click()

    const posted = page.waitForResponse((r) => r.request().method() === 'POST' && /\/receipts$/.test(r.url()))
    await bannerButton(page, 'accept-all').click()
    const ack = (await (await posted).json()) as { id: string; proofUrl: string }
    const { consentId } = (await readChoice(page)) as { consentId: string }
    // The acknowledgement is written to the history after the POST answers.
    await expect
      .poll(async () => (await history(page)).some((e) => e.ack?.proofUrl === ack.proofUrl))
      .toBe(true)

    await page.locator('#torii-fab').click()
    const link = page.getByRole('link', { name: record })
    await link.waitFor()
    expect(await link.getAttribute('href')).toBe(ack.proofUrl)
    expect(await page.locator('torii-consent code').textContent()).toBe(consentId)
    // The record is there to be read.
    const proof = await page.request.get(ack.proofUrl, { headers: { accept: 'text/html' } })
    expect(proof.status()).toBe(200)
    const violations = await runAxe(page, 'torii-consent')
    expect(violations, formatViolations(violations)).toEqual([])
  })
}
