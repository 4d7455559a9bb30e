// #16: the proof bundle the banner keeps in IndexedDB checks offline, with only the log's verifier key,
// after the server is stopped: by `torii verify-proof` and by the static page tools/verify-proof.html in
// real Chromium (WebCrypto SHA-256 and Ed25519, no network).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import type { ProofBundle } from '@torii/schema'
import { runCli } from '@torii/server/cli/main'
import type { Page } from 'playwright-core'
import { expect, onTestFinished, test } from 'vitest'
import {
  bannerButton,
  formatViolations,
  recordReceipt,
  runAxe,
  startTestServer,
  useBrowser,
  visitWithBanner,
} from './support/index.ts'

const browser = useBrowser()
const VERIFY_PAGE = pathToFileURL(join(import.meta.dirname, '../tools/verify-proof.html')).href

/** The banner's history in IndexedDB (`torii` / `kv`), as the page's own script reads it. */
const history = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ ack: { id: string } | null; proof?: unknown }[]>((resolve, reject) => {
        const open = indexedDB.open('torii')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const get = open.result.transaction('kv').objectStore('kv').get('history')
          get.onsuccess = () => resolve(get.result ?? [])
          get.transaction!.oncomplete = () => open.result.close()
        }
      })
  )

async function verifyWithCli(bundle: unknown, vkey: string) {
  const dir = await mkdtemp(join(tmpdir(), 'torii-e2e-proof-'))
  onTestFinished(() => rm(dir, { recursive: true, force: true }))
  const file = join(dir, 'proof.json')
  await writeFile(file, JSON.stringify(bundle))
  const out: string[] = []
  const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }
  const code = await runCli(['verify-proof', file, '--vkey', vkey], {
    ...io,
    stdout: new PassThrough(),
    stdin: Readable.from(['']),
  })
  return { code, out: out.join('\n') }
}

/** Checks `bundle` on the static page, the key preloaded from the URL; returns the verdict and each check. */
async function verifyOnPage(page: Page, bundle: unknown) {
  await page.getByLabel('or paste the bundle').fill(JSON.stringify(bundle))
  await page.getByRole('button', { name: 'Check the receipt' }).click()
  await page.locator('#result[data-ok]').waitFor()
  const result = {
    ok: await page.locator('#result').getAttribute('data-ok'),
    verdict: await page.locator('#verdict').textContent(),
    failed: await page.evaluate(
      () => document.querySelector<HTMLElement>('#checks li.failed')?.dataset.step ?? null
    ),
  }
  await page.evaluate(() => document.getElementById('result')!.removeAttribute('data-ok'))
  return result
}

test('the bundle the banner stored verifies offline with the CLI and the static page after the server stops', async () => {
  const server = await startTestServer({ sealIntervalMs: 0 })
  let running = true
  onTestFinished(() => (running ? server.close() : undefined))
  const { page } = await visitWithBanner(browser, '/demo/en/', { server })
  const posted = page.waitForResponse((r) => r.request().method() === 'POST' && /\/receipts$/.test(r.url()))
  await bannerButton(page, 'accept-all').click()
  const ack = (await (await posted).json()) as { id: string }
  // The log signs a checkpoint with the receipt; the banner, looking again, keeps the proof bundle.
  await server.ledger.seal()
  await expect
    .poll(async () => (await history(page)).find((e) => e.ack?.id === ack.id)?.proof, { timeout: 30_000 })
    .toBeTruthy()
  const bundle = (await history(page)).find((e) => e.ack?.id === ack.id)!.proof as ProofBundle
  expect(bundle).toMatchObject({ format: 'torii-proof/1', receipt: { id: ack.id, action: 'accept-all' } })
  const vkey = (await (await fetch(server.at('/log/vkey'))).text()).split('\n')[0]!

  // Online, the page carries the stored bundle to the log's newer checkpoint and offers it to save.
  await recordReceipt(server, 'consent-id-carried-forward-0001')
  await server.ledger.seal()
  const online = await (await browser.newContext()).newPage()
  await online.goto(`${VERIFY_PAGE}#vkey=${encodeURIComponent(vkey)}`)
  expect(await verifyOnPage(online, bundle)).toMatchObject({ ok: 'true' })
  await online.getByRole('button', { name: 'Fetch a newer checkpoint and check again' }).click()
  await online.locator('#result[data-ok]').waitFor()
  expect(await online.locator('#verdict').textContent()).toMatch(
    new RegExp(`proven against checkpoint size ${bundle.log.treeSize + 1} of `)
  )
  const download = online.waitForEvent('download')
  await online.getByRole('link', { name: 'Save the updated bundle' }).click()
  const carried = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as ProofBundle
  expect(carried.carried).toHaveLength(1)

  await server.close()
  running = false
  await expect(fetch(server.at('/log/vkey'))).rejects.toThrow()

  const cli = await verifyWithCli(bundle, vkey)
  expect(cli.out).toMatch(/OK: .*the receipt is in log /)
  expect(cli.code).toBe(0)
  expect((await verifyWithCli(carried, vkey)).out).toMatch(
    new RegExp(`OK: .*proven at tree size ${bundle.log.treeSize + 1}`)
  )

  // The page from the repository's file, the key after #vkey=, every network request refused.
  const context = await browser.newContext()
  const requests: string[] = []
  await context.route(/^(https?|wss?):/, (route) => {
    requests.push(route.request().url())
    return route.abort()
  })
  const checker = await context.newPage()
  await checker.goto(`${VERIFY_PAGE}#vkey=${encodeURIComponent(vkey)}`)
  expect(await checker.getByLabel(/^Verifier key/).inputValue()).toBe(vkey)
  const verified = await verifyOnPage(checker, bundle)
  expect(verified.verdict).toMatch(
    /^Verified: the receipt is in the log, proven against checkpoint size 1 of /
  )
  expect(verified).toMatchObject({ ok: 'true', failed: null })
  expect(await checker.locator('#checks li.ok').count()).toBe(6)
  const violations = await runAxe(checker)
  expect(violations, formatViolations(violations)).toEqual([])

  // Each check can fail: the same bundle, broken one way at a time.
  const broken = (change: (b: ProofBundle) => void) => {
    const copy = structuredClone(bundle)
    change(copy)
    return copy
  }
  const flip = (base64: string) => {
    const bytes = Buffer.from(base64, 'base64')
    bytes[0]! ^= 1
    return bytes.toString('base64')
  }
  for (const [step, tampered] of [
    ['entry', broken((b) => Object.assign(b.receipt, { action: 'reject-all' }))],
    ['payload', broken((b) => Object.assign(b.receipt, { purposes: {} }))],
    ['inclusion', broken((b) => Object.assign(b.log, { index: b.log.index + 1, treeSize: b.log.treeSize }))],
    [
      'signature',
      // The signed text changed: its size line says one more.
      broken((b) =>
        Object.assign(b.log, { checkpoint: b.log.checkpoint.replace(/\n(\d+)\n/, (_, n) => `\n${+n + 1}\n`) })
      ),
    ],
    ['tree size', broken((b) => Object.assign(b.log, { treeSize: b.log.treeSize + 1 }))],
    [
      'consistency',
      broken((b) =>
        Object.assign(b, { carried: [{ checkpoint: b.log.checkpoint, consistency: [flip(b.log.entry)] }] })
      ),
    ],
  ] as const) {
    expect(await verifyOnPage(checker, tampered), step).toMatchObject({ ok: 'false', failed: step })
    expect((await verifyWithCli(tampered, vkey)).out).toContain(`the ${step} check failed`)
  }
  await checker.getByLabel(/^Verifier key/).fill(vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+'))
  expect(await verifyOnPage(checker, bundle)).toMatchObject({ ok: 'false', failed: 'key id' })
  expect(requests).toEqual([])
})
