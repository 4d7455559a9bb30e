// QA: the note an admin writes when publishing is the audit trail of why a revision exists. It must come
// back in the publish history, not be stored and never shown.

import type { SiteConfig } from '@torii/schema'
import { expect, test } from 'vitest'
import { adminSession, loggedInAdminPage, runAxe, useBrowser, useTestServer } from './support/index.ts'

const server = useTestServer()
const browser = useBrowser()

test('the note written at publish is shown in the history, beside the rollback note', async () => {
  const admin = await adminSession(server())
  const { draft } = (await (await admin('/sites/xtra/draft')).json()) as { draft: SiteConfig }
  const saved = await admin('/sites/xtra/draft', {
    method: 'PUT',
    body: { ...draft, options: { ...draft.options, refusalDays: 30 } },
  })
  expect(saved.status, await saved.clone().text()).toBe(200)

  const page = await loggedInAdminPage(browser, server())
  await page.goto(server().at('/admin/sites/xtra/publish'))
  await page.getByLabel('Note (optional)').fill('Refusal kept 30 days, per the DPO')
  await page.getByRole('button', { name: 'Publish the draft' }).click()
  await page.getByText('Published revision 2.').waitFor()

  const history = page.getByRole('table')
  await history.getByRole('columnheader', { name: 'Note' }).waitFor()
  const rowOf = (number: number) =>
    history.getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(number) }) })
  await rowOf(2).getByRole('cell', { name: 'Refusal kept 30 days, per the DPO' }).waitFor()
  await rowOf(1).getByRole('cell', { name: 'Demo seed' }).waitFor()
  expect(await runAxe(page)).toEqual([])
})
