// The banner with a keyboard only, and axe-core on the first layer and the preferences, in Japanese and English.
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

/** What has focus, through shadow roots: its data-torii-action, else its role, else its tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
    return el?.getAttribute('data-torii-action') || el?.getAttribute('role') || el?.localName || ''
  })

async function tabTo(page: Page, target: string, key = 'Tab') {
  for (let i = 0; i < 80; i++) {
    if ((await focused(page)) === target) return
    await page.keyboard.press(key)
  }
  throw new Error(`focus never reached ${target}`)
}

test('keyboard only: every action is reachable, Tab wraps in the preferences, Escape grants nothing and returns focus', async () => {
  const page = await visit('/demo/')
  await tabTo(page, 'accept-all')
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('reject-all')
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('customize')

  await page.keyboard.press('Enter')
  await page.getByRole('dialog').waitFor()
  expect(
    await page.evaluate(() => document.querySelector('torii-consent')?.shadowRoot?.activeElement?.id)
  ).toBe('torii-prefs')
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('close')
  await page.keyboard.press('Shift+Tab')
  expect(await focused(page)).toBe('save')
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('close')
  await tabTo(page, 'switch')
  await page.keyboard.press('Tab') // the required purpose is locked: its switch is skipped; this is analytics'
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Space')
  expect(await page.getByRole('switch', { name: 'アクセス解析' }).isChecked()).toBe(true)

  await page.keyboard.press('Escape')
  await page.getByRole('dialog').waitFor({ state: 'detached' })
  expect(await readChoice(page)).toBeNull()
  expect(await focused(page)).toBe('customize')

  await page.keyboard.press('Shift+Tab')
  expect(await focused(page)).toBe('reject-all')
  await page.keyboard.press('Enter')
  await bannerButton(page, 'reject-all').waitFor({ state: 'detached' })
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: false, advertising: false } })

  // Withdrawal is as easy: the floating button (its own small chunk), by keyboard, then a switch and Save.
  await bannerButton(page, 'customize').waitFor()
  await tabTo(page, 'customize')
  await page.keyboard.press('Enter')
  await page.getByRole('dialog').waitFor()
  await page.getByRole('switch', { name: 'アクセス解析' }).focus()
  await page.keyboard.press('Space')
  await tabTo(page, 'save')
  await page.keyboard.press('Enter')
  await page.getByRole('dialog').waitFor({ state: 'detached' })
  expect(await readChoice(page)).toMatchObject({ purposes: { analytics: true, advertising: false } })
  expect(await page.getByRole('status').textContent()).toBe('選択を保存しました。')
  expect(await focused(page)).toBe('customize')
})

for (const [language, path] of [
  ['Japanese', '/demo/'],
  ['English', '/demo/en/'],
] as const) {
  test(`axe-core finds no violation in the banner and the preferences (${language})`, async () => {
    const page = await visit(path)
    const lang = await page.locator('torii-consent .root').getAttribute('lang')
    expect(lang).toBe(language === 'Japanese' ? 'ja' : 'en')
    const banner = await runAxe(page, 'torii-consent')
    expect(banner, formatViolations(banner)).toEqual([])
    await bannerButton(page, 'customize').click()
    await page.getByRole('dialog').waitFor()
    const preferences = await runAxe(page, 'torii-consent')
    expect(preferences, formatViolations(preferences)).toEqual([])
    // Reflow at 320 CSS px: the dialog and every button still fit.
    await page.setViewportSize({ width: 320, height: 640 })
    const overflow = await page.evaluate(() => {
      const root = document.querySelector('torii-consent')!.shadowRoot!
      return [...root.querySelectorAll('button, .dialog')].some(
        (el) => el.getBoundingClientRect().right > 320
      )
    })
    expect(overflow).toBe(false)
  })
}
