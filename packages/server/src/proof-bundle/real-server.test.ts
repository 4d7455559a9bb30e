// Proof bundles from the real server over HTTP, checked by the CLI (`torii verify-proof`) and by the static
// page's script, with only the key from /log/vkey; carried forward against the server's own log.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import type { ProofBundle, Receipt } from '@torii/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../cli/main.ts'
import type { RunningServer } from '../index.ts'
import {
  appendSealed as appendAndSeal,
  type LogTestServer,
  startLogTestServer,
} from '../testing/log-test-server.ts'
import { engineMissing, TEST_ENGINES } from '../testing/test-engines.ts'
import { loadPageVerifier } from './test-support/page-verifier.ts'

let running: LogTestServer
let dir: string
let server: RunningServer

const appendSealed = (count: number): Promise<Receipt[]> => appendAndSeal(server, count)

const logUrl = () => `${server.url}/log/`
const vkey = async () => (await fetch(`${logUrl()}vkey`)).text()
async function bundleOf(id: string): Promise<ProofBundle> {
  const res = await fetch(`${server.url}/receipts/${id}/proof.json`)
  expect(res.status).toBe(200)
  return (await res.json()) as ProofBundle
}

async function cli(...args: string[]) {
  const out: string[] = []
  const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) }
  const code = await runCli(['verify-proof', ...args], {
    ...io,
    stdout: new PassThrough(),
    stdin: Readable.from(['']),
  })
  return { code, out: out.join('\n') }
}

describe.each(TEST_ENGINES)('on %s', (engine) => {
  beforeEach(async () => {
    running = await startLogTestServer('torii-proof-server-', engine)
    ;({ dir, server } = running)
  })
  afterEach(() => running.close())

  describe.skipIf(engineMissing(engine))('proof bundles of the real server', () => {
    it('verify with the CLI and the static page, carry forward, and refuse a rewritten action', async () => {
      const receipts = await appendSealed(7)
      const key = await vkey()
      const bundle = await bundleOf(receipts[3]!.id)
      expect(bundle.logUrl).toBe('https://consent.example.com/log/')
      const file = join(dir, 'proof.json')
      writeFileSync(file, JSON.stringify(bundle))
      const checked = await cli(file, '--vkey', key)
      expect(checked.out).toMatch(/OK: .*proven at tree size 7/)
      expect(checked.code).toBe(0)
      const page = loadPageVerifier()
      expect(await page.verifyBundle(bundle, key)).toMatchObject({ ok: true })

      // The log grows: the CLI carries the file to the new checkpoint, the page carries its copy too.
      await appendSealed(6)
      const updated = await cli(file, '--vkey', key, '--update', '--log-url', logUrl())
      expect(updated.out).toMatch(/proven at tree size 13/)
      const carried = JSON.parse(readFileSync(file, 'utf8')) as ProofBundle
      expect(carried.carried).toHaveLength(1)
      expect((await cli(file, '--vkey', key)).code).toBe(0)
      const byPage = await page.carryForward({ ...bundle, logUrl: logUrl() }, key, fetch)
      expect(byPage.report).toMatchObject({ ok: true })
      expect((byPage.bundle as ProofBundle).carried).toEqual(carried.carried)

      const rewritten = structuredClone(bundle)
      rewritten.receipt.action = rewritten.receipt.action === 'reject-all' ? 'accept-all' : 'reject-all'
      writeFileSync(file, JSON.stringify(rewritten))
      expect((await cli(file, '--vkey', key)).out).toMatch(/the entry check failed/)
      expect((await page.verifyBundle(rewritten, key)).checks.at(-1)).toMatchObject({
        step: 'entry',
        ok: false,
      })
    })

    it("still verifies an erased receipt's bundle, and not with its action changed", async () => {
      const receipts = await appendSealed(3)
      const target = receipts[1]!
      expect(await server.ledger.erase(target.siteId, target.consentId)).toBe(1)
      await server.ledger.seal()
      const bundle = await bundleOf(target.id)
      expect(bundle.receipt.erasedAt).not.toBeNull()
      expect(bundle.receipt.consentId).toBe('')
      const key = await vkey()
      const page = loadPageVerifier()
      expect(await page.verifyBundle(bundle, key)).toMatchObject({ ok: true })
      const faked = structuredClone(bundle)
      faked.receipt.action = 'accept-all'
      writeFileSync(join(dir, 'erased.json'), JSON.stringify(faked))
      expect((await cli(join(dir, 'erased.json'), '--vkey', key)).out).toMatch(/the entry check failed/)
    })

    it('serves the static page at /verify-proof, the same bytes as tools/verify-proof.html', async () => {
      const res = await fetch(`${server.url}/verify-proof`)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await res.text()).toBe(
        readFileSync(new URL('../../../../tools/verify-proof.html', import.meta.url), 'utf8')
      )
    })
  })
})
