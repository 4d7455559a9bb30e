import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ProofBundle } from '@torii/schema/receipt'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TAMPERS } from '../proof-bundle/test-support/tampers.ts'
import { createVectorBundle, type VectorLog } from '../proof-bundle/test-support/vector-bundle.ts'
import { captureIo } from '../testing/capture-io.ts'
import { runCli } from './main.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'torii-proof-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function run(...args: string[]) {
  const { io, out, err } = captureIo()
  const code = await runCli(['verify-proof', ...args], io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

function writeBundle(bundle: unknown, name = 'proof.json') {
  const file = join(dir, name)
  writeFileSync(file, JSON.stringify(bundle))
  return file
}

/** A log served over HTTP the way tlog-tiles and the consistency route serve it, at a given size. */
async function serveLog(log: VectorLog, size: number): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://log')
    if (url.pathname === '/log/checkpoint') return res.end(await log.checkpoint(size))
    if (url.pathname === '/log/consistency') {
      const from = Number(url.searchParams.get('from'))
      const to = Number(url.searchParams.get('to'))
      res.setHeader('content-type', 'application/json')
      return res.end(JSON.stringify({ from, to, proof: log.consistency(from, to) }))
    }
    res.statusCode = 404
    res.end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/log/`, server }
}

describe('torii verify-proof', () => {
  it('prints each check and exits 0 for a good bundle, the key given as text or as a file', async () => {
    const { bundle, log } = await createVectorBundle()
    const file = writeBundle(bundle)
    const byText = await run(file, '--vkey', log.vkey)
    expect(byText.code).toBe(0)
    expect(byText.out).toMatch(/ok {2}inclusion: entry 5 is in the tree of size 7/)
    expect(byText.out).toMatch(
      /OK: .*proof\.json: the receipt is in log consent\.example\/log, proven at tree size 9/
    )
    const vkeyFile = join(dir, 'vkey')
    writeFileSync(vkeyFile, `${log.vkey}\n`)
    expect((await run('--vkey', vkeyFile, file)).code).toBe(0)
    // Several keys (a rotated one besides), and TORII_VKEY when no --vkey is given.
    const other = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
    expect((await run(file, '--vkey', other, '--vkey', log.vkey)).code).toBe(0)
    expect((await run(file, '--vkey', other)).out).toMatch(/the signature check failed/)
    process.env.TORII_VKEY = vkeyFile
    try {
      expect((await run(file)).code).toBe(0)
    } finally {
      delete process.env.TORII_VKEY
    }
  })

  // A blank --vkey is a bad argument here (exit 2, tested below), not a bundle to check.
  const bundleTampers = TAMPERS.filter((tamper) => tamper.step !== 'verifier key')
  it.each(bundleTampers.map((tamper) => [tamper.name, tamper] as const))(
    'exits 1 naming the check for %s',
    async (_, tamper) => {
      const { bundle, log } = await createVectorBundle()
      const broken = await tamper.apply(bundle, log)
      const result = await run(writeBundle(broken.bundle), '--vkey', broken.vkey ?? log.vkey)
      expect(result.code).toBe(1)
      expect(result.out).toContain(`: the ${tamper.step} check failed: `)
    }
  )

  it('refuses bad arguments with exit 2', async () => {
    const { bundle } = await createVectorBundle()
    const file = writeBundle(bundle)
    const key = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
    expect((await run(file)).err).toMatch(/--vkey VKEY is required/)
    expect((await run(file, '--vkey', ' ')).code).toBe(2)
    expect((await run(file, '--vkey', 'x')).err).toMatch(
      /--vkey: no file at .*x, and "x" is not a verifier key/
    )
    expect((await run(file, '--vkey', key, '--out', 'y')).code).toBe(2)
    expect((await run(join(dir, 'missing.json'), '--vkey', key)).err).toMatch(/no proof bundle file/)
    writeFileSync(join(dir, 'bad.json'), '{')
    expect((await run(join(dir, 'bad.json'), '--vkey', key)).err).toMatch(/bad\.json is not JSON/)
  })

  it('--update carries a bundle to the latest checkpoint over HTTP and writes it back', async () => {
    const { bundle, log } = await createVectorBundle()
    const first = { ...bundle, carried: [] }
    const { url, server } = await serveLog(log, 9)
    try {
      const file = writeBundle({ ...first, logUrl: url })
      const result = await run(file, '--vkey', log.vkey, '--update')
      expect(result.out).toMatch(/proven at tree size 9/)
      expect(result.code).toBe(0)
      const updated = JSON.parse(readFileSync(file, 'utf8')) as ProofBundle
      expect(updated.carried).toEqual([
        { checkpoint: await log.checkpoint(9), consistency: log.consistency(7, 9) },
      ])
      expect((await run(file, '--vkey', log.vkey, '--update')).out).toMatch(/nothing to carry/)
      // --out leaves the file as it was; --log-url overrides the bundle's.
      const other = writeBundle({ ...first, logUrl: 'http://127.0.0.1:9/log/' }, 'other.json')
      const out = join(dir, 'out.json')
      expect((await run(other, '--vkey', log.vkey, '--update', '--log-url', url, '--out', out)).code).toBe(0)
      expect((JSON.parse(readFileSync(out, 'utf8')) as ProofBundle).carried).toHaveLength(1)
      expect((JSON.parse(readFileSync(other, 'utf8')) as ProofBundle).carried).toEqual([])
    } finally {
      server.close()
    }
  })

  it('--update refuses, and writes nothing, when the log answers with a history that does not extend the bundle', async () => {
    const { bundle, log } = await createVectorBundle()
    const forged = { ...log, consistency: (from: number, to: number) => log.consistency(from, to).reverse() }
    const { url, server } = await serveLog(forged, 9)
    try {
      const file = writeBundle({ ...bundle, carried: [], logUrl: url })
      const before = readFileSync(file, 'utf8')
      const result = await run(file, '--vkey', log.vkey, '--update')
      expect(result.code).toBe(1)
      expect(result.out).toMatch(/the consistency check failed/)
      expect(readFileSync(file, 'utf8')).toBe(before)
    } finally {
      server.close()
    }
  })
})
