// Where keyboard focus goes around the banner, in real Chromium on the demo: the vendor-list link, focus
// return after the preferences and after a decision, the banner first in the tab order (A11Y-03), and page
// elements never hidden under the bar (A11Y-04, WCAG 2.4.11, technique C43).
import type { Page } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  bannerButton,
  formatViolations,
  publishDemo,
  readChoice,
  runAxe,
  startTestServer,
  type TestServer,
  useBrowser,
  visitWithBanner,
  waitForBanner,
} from './support/index.ts'

const browser = useBrowser()

/** A first visit at a desktop size (1280×800 unless given), where the bar can hide page elements. */
const visit = (path: string, options: { server?: TestServer; width?: number; height?: number } = {}) =>
  visitWithBanner(browser, path, {
    server: options.server,
    context: { viewport: { width: options.width ?? 1280, height: options.height ?? 800 } },
  })

/** What has focus, through shadow roots: in the banner or the page, and how to recognise it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
    const host = el?.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).host : null
    return {
      where: host?.localName === 'torii-consent' ? 'banner' : 'page',
      tag: el?.localName ?? '',
      id: el?.id ?? '',
      action: el?.getAttribute('data-torii-action') ?? '',
      text: el?.textContent?.trim() ?? '',
      inDialog: !!el?.closest('[role="dialog"]'),
      // The purpose section the element is in, by its heading.
      purpose: el?.closest('section')?.querySelector('h3')?.textContent ?? '',
    }
  })

for (const [language, path, link, list] of [
  ['English', '/demo/en/', 'Companies we work with (2)', 'Analytics'],
  ['Japanese', '/demo/', '情報の送信先 (2)', 'アクセス解析'],
] as const) {
  test(`the vendor-list link opens the preferences on the vendor list, keeps focus in, Escape returns to the link (${language})`, async () => {
    const { page } = await visit(path)
    const vendorLink = page.locator('torii-consent a', { hasText: link })
    await vendorLink.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').waitFor()
    // Focus on the first vendor list, whatever purpose it is under (the first purpose has no vendors).
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'ul', id: 'torii-vendors', purpose: list })
    // Trapped: Tab and Shift+Tab never leave the dialog for the first layer behind the backdrop.
    for (const key of [...Array(15).fill('Tab'), ...Array(15).fill('Shift+Tab')]) {
      await page.keyboard.press(key)
      expect(await focused(page), key).toMatchObject({ where: 'banner', inDialog: true })
    }
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    expect(await focused(page)).toMatchObject({ where: 'banner', text: link })
    expect(await readChoice(page)).toBeNull()
  })
}

test('focus cannot leave the open preferences: a click on the backdrop, a page script', async () => {
  const { page } = await visit('/demo/en/')
  await bannerButton(page, 'customize').click()
  await page.getByRole('dialog').waitFor()
  await expect.poll(() => focused(page)).toMatchObject({ inDialog: true })
  await page.mouse.click(5, 5) // the backdrop, outside the dialog
  expect(await focused(page)).toMatchObject({ where: 'banner', inDialog: true })
  await page.evaluate(() => document.querySelector<HTMLElement>('footer a')!.focus())
  expect(await focused(page)).toMatchObject({ where: 'banner', inDialog: true })
  await page.keyboard.press('Escape')
  await page.getByRole('dialog').waitFor({ state: 'detached' })
  expect(await focused(page)).toMatchObject({ action: 'customize' })
})

test('after Accept all, focus goes to the floating button; Escape in the preferences it opened returns to it', async () => {
  const { page } = await visit('/demo/en/')
  await bannerButton(page, 'accept-all').focus()
  await page.keyboard.press('Enter')
  await bannerButton(page, 'accept-all').waitFor({ state: 'detached' })
  await expect.poll(() => focused(page)).toMatchObject({ where: 'banner', id: 'torii-fab' })

  await page.keyboard.press('Enter')
  await page.getByRole('dialog').waitFor()
  await expect.poll(() => focused(page)).toMatchObject({ inDialog: true })
  await page.keyboard.press('Escape')
  await page.getByRole('dialog').waitFor({ state: 'detached' })
  expect(await focused(page)).toMatchObject({ where: 'banner', id: 'torii-fab' })

  // A decision in the dialog (Save) also gives focus back to the floating button, which opened it.
  await page.keyboard.press('Enter')
  await page.getByRole('dialog').waitFor()
  await bannerButton(page, 'save').click()
  await page.getByRole('dialog').waitFor({ state: 'detached' })
  await expect.poll(() => focused(page)).toMatchObject({ where: 'banner', id: 'torii-fab' })
})

test('without a floating button, Reject all gives focus back to the page element that had it before the banner', async () => {
  const server = await startTestServer()
  onTestFinished(() => server.close())
  await publishDemo(server, (config) => ({ ...config, look: { ...config.look, floatingButton: false } }))
  const { page } = await visit('/demo/en/', { server })
  // From the page's last link, Tab goes on into the banner (last in <body>), to its Reject all button.
  await page.locator('footer a').last().focus()
  await page.keyboard.press('Tab')
  expect(await focused(page)).toMatchObject({ where: 'banner', text: 'Privacy policy' })
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab')
  expect(await focused(page)).toMatchObject({ where: 'banner', action: 'reject-all' })
  await page.keyboard.press('Enter')
  await bannerButton(page, 'reject-all').waitFor({ state: 'detached' })
  await expect.poll(() => focused(page)).toMatchObject({ where: 'page', text: '日本語' })
  expect(await page.locator('#torii-fab').count()).toBe(0)
})

test("A11Y-03: the first Tab from the top of the page reaches the banner first, then Tab is the visitor's", async () => {
  const { page } = await visit('/demo/en/')
  await page.keyboard.press('Tab')
  expect(await focused(page)).toMatchObject({ where: 'banner', text: 'Privacy policy' })
  await page.keyboard.press('Tab')
  expect(await focused(page)).toMatchObject({ where: 'banner', text: 'Companies we work with (2)' })

  // A visitor already on the page (here on the skip link) tabs on through the page.
  await page.reload()
  await waitForBanner(page)
  await page.getByRole('link', { name: 'Skip to content' }).focus()
  await page.keyboard.press('Tab')
  expect(await focused(page)).toMatchObject({ where: 'page', text: 'XXtra Corporation' })
})

test('A11Y-04: every page element reached by Tab while the bar is open is at least partly visible above it', async () => {
  const { page } = await visit('/demo/en/', { width: 1280, height: 800 })
  const seen: string[] = []
  // From the page's first element to its last: Tab then reaches the banner (last in <body>).
  await page.getByRole('link', { name: 'Skip to content' }).focus()
  for (let i = 0; i < 200; i++) {
    if (i) await page.keyboard.press('Tab')
    const where = await page.evaluate(() => {
      let el = document.activeElement
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
      if (!el || el === document.body) return null
      if (el.getRootNode() instanceof ShadowRoot) return 'banner'
      const bar = document.querySelector('torii-consent')!.shadowRoot!.querySelector('.layer')!
      const box = el.getBoundingClientRect()
      return {
        name: `${el.localName} ${el.textContent?.trim().slice(0, 40)}`,
        // At least partly between the top of the viewport and the top of the bar.
        visible:
          box.bottom > 0 &&
          box.top < bar.getBoundingClientRect().top &&
          box.right > 0 &&
          box.left < innerWidth,
      }
    })
    if (where === 'banner' || where === null) break
    seen.push(where.name)
    expect(where.visible, `${where.name} is hidden under the bar`).toBe(true)
  }
  expect(seen).toContain('a Cookie settings')
  expect(seen.length).toBeGreaterThan(10)

  // Undone when the bar closes: the page's own layout again (the demo's stylesheet has no padding on html).
  await bannerButton(page, 'reject-all').click()
  await bannerButton(page, 'reject-all').waitFor({ state: 'detached' })
  expect(
    await page.evaluate(() => [
      document.documentElement.style.cssText,
      getComputedStyle(document.documentElement).paddingBottom,
    ])
  ).toEqual(['', '0px'])
  const violations = await runAxe(page)
  expect(violations, formatViolations(violations)).toEqual([])
})
