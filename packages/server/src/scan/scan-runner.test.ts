import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../testing/test-app.ts'
import { engineMissing, TEST_ENGINES } from '../testing/test-engines.ts'
import { getScan } from './scan-history.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('the scan runner’s records', () => {
    // Real Chromium (/usr/bin/chromium) on a local port nothing listens on: quick, and nothing leaves the machine.
    let test: TestApp
    let scan: { siteId: string; url: string; pages: number; startedBy: string }
    beforeAll(async () => {
      test = await createTestApp({ engine })
      const free = createServer()
      await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve))
      const { port } = free.address() as { port: number }
      await new Promise((resolve) => free.close(resolve))
      scan = { siteId: 'xtra', url: `http://127.0.0.1:${port}/`, pages: 1, startedBy: 'admin@example.com' }
    })
    afterAll(async () => {
      await test.app.scanRunner.close()
      await test.close()
    })

    const statusOf = async (id: string) => (await getScan(test.database.db, 'xtra', id))?.status

    describe('createScanRunner', () => {
      it('runs one scan at a time and records its report', async () => {
        const runner = test.app.scanRunner
        const id = await runner.start(scan)
        expect(id).toEqual(expect.any(String))
        expect(await runner.start(scan)).toBeNull()
        await expect.poll(() => statusOf(id!), { timeout: 30_000 }).toBe('done')
        const done = await getScan(test.database.db, 'xtra', id!)
        expect(done).toMatchObject({
          status: 'done',
          startedBy: 'admin@example.com',
          progress: { done: 1, total: 1 },
          counts: { pages: 1, violations: 0 },
        })
        expect(done!.report!.pages[0]!.error).toMatch(/ERR_CONNECTION_REFUSED/)
      })

      it('stops the running scan on close, recording why', async () => {
        const runner = test.app.scanRunner
        // The first scan's runner lets go just after its row says done.
        let scanId = ''
        await expect.poll(async () => (scanId = (await runner.start(scan)) ?? '')).not.toBe('')
        await runner.close()
        expect(await getScan(test.database.db, 'xtra', scanId)).toMatchObject({
          status: 'failed',
          error: 'The scan was stopped: the server shut down',
        })
      })
    })
  })
})
