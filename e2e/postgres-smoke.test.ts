// The same product on PostgreSQL (#19), a smoke subset of the suite (which runs on libSQL): a visitor's choice
// recorded as a receipt and its proof page, the admin publishing a revision that the gate then serves, and
// the demo's Reject all. Each test has its own server on its own database on the run's throwaway cluster.
import type { SiteConfig } from '@torii/schema'
import { describe, expect, onTestFinished, test } from 'vitest'
import {
  adminSession,
  bannerButton,
  engineMissing,
  loggedInAdminPage,
  readChoice,
  recordGoogleRequests,
  startTestServer,
  storedReceipts,
  useBrowser,
  visitWithBanner,
  waitForBanner,
  waitForGateSettled,
} from './support/index.ts'

const browser = useBrowser()

async function postgresServer() {
  const server = await startTestServer({ engine: 'postgres' })
  onTestFinished(() => server.close())
  expect(server.dbUrl).toMatch(/^postgres:\/\//)
  return server
}

describe.skipIf(engineMissing('postgres'))('on PostgreSQL', () => {
  test('Accept all is recorded as a receipt whose proof page names the consent id and its seal', async () => {
    const server = await postgresServer()
    const { page } = await visitWithBanner(browser, '/demo/en/', { server })
    const posted = page.waitForResponse((r) => r.request().method() === 'POST' && /\/receipts$/.test(r.url()))
    await bannerButton(page, 'accept-all').click()
    const response = await posted
    expect(response.status()).toBe(201)
    const ack = (await response.json()) as { id: string; proofUrl: string }
    const { consentId } = (await readChoice(page)) as { consentId: string }

    const [stored] = await storedReceipts(server)
    expect(stored).toMatchObject({ id: ack.id, consentId, action: 'accept-all' })
    // The proof page, as a visitor's browser opens it, once the receipt is sealed into a signed batch.
    const proof = await browser.newContext()
    const proofPage = await proof.newPage()
    await expect
      .poll(
        async () => {
          await proofPage.goto(ack.proofUrl)
          return proofPage.locator('main').textContent()
        },
        { timeout: 15_000 }
      )
      .toMatch(/Sealed in signed batch \d+/)
    expect(await proofPage.locator('main').textContent()).toContain(consentId)
  })

  test('the admin publishes a revision, and the gate serves it', async () => {
    const server = await postgresServer()
    const admin = await adminSession(server)
    const { draft } = (await (await admin('/sites/xtra/draft')).json()) as { draft: SiteConfig }
    const saved = await admin('/sites/xtra/draft', {
      method: 'PUT',
      body: { ...draft, options: { ...draft.options, refusalDays: 30 } },
    })
    expect(saved.status, await saved.clone().text()).toBe(200)

    const page = await loggedInAdminPage(browser, server)
    await page.goto(server.at('/admin/sites/xtra/publish'))
    await page.getByLabel('Note (optional)').fill('Smoke test on PostgreSQL')
    await page.getByRole('button', { name: 'Publish the draft' }).click()
    await page.getByText('Published revision 2.').waitFor()

    const live = (await (await fetch(server.at('/s/xtra/config.json'))).json()) as {
      number: number
      config: SiteConfig
    }
    expect(live.number).toBe(2)
    expect(live.config.options.refusalDays).toBe(30)
  })

  test('the demo: Reject all sends nothing to Google and stays decided after a reload', async () => {
    const server = await postgresServer()
    const context = await browser.newContext()
    const google = await recordGoogleRequests(context)
    const page = await context.newPage()
    await page.goto(server.at('/demo/'))
    await waitForBanner(page)
    await bannerButton(page, 'reject-all').click()
    await bannerButton(page, 'reject-all').waitFor({ state: 'hidden' })
    await page.reload()
    await waitForGateSettled(page)
    expect(await readChoice(page)).toMatchObject({ purposes: { analytics: false, advertising: false } })
    expect(await bannerButton(page, 'reject-all').count()).toBe(0)
    expect(google.count()).toBe(0)
    google.assertNoStrayRequests()
    await expect.poll(async () => (await storedReceipts(server)).map((r) => r.action)).toEqual(['reject-all'])
  })
})
