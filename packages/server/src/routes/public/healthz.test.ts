import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { recordingLogger } from '../../testing/recording-logger.ts'
import { createTestApp, type TestApp } from '../../testing/test-app.ts'

let test: TestApp | null = null
afterEach(async () => {
  await test?.close()
  test = null
})

async function health(app: TestApp['app']) {
  const res = await app.request('/healthz')
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('GET /healthz', () => {
  it('answers 200 while the database file is in place', async () => {
    test = await createTestApp()
    expect(await health(test.app)).toEqual({ status: 200, body: { ok: true, database: 'ok' } })
  })

  it('answers 503 once the database file is deleted, logging the path once, not once per poll', async () => {
    const lines: string[] = []
    test = await createTestApp({ logger: recordingLogger(lines) })
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${test.dbPath}${suffix}`, { force: true })
    // The open connection still answers `select 1`: only the file check can tell.
    const first = await health(test.app)
    expect(first.status).toBe(503)
    expect(first.body).toEqual({
      error: { code: 'database_file', message: 'The database file is gone (deleted or moved)' },
    })
    expect(JSON.stringify(first.body)).not.toContain(test.dbPath)
    expect((await health(test.app)).status).toBe(503)
    expect(lines).toEqual([
      `healthz: the database file ${test.dbPath} is gone (deleted or moved); restart the server on a working file`,
    ])
  })

  it('answers 503 when another file was put in its place', async () => {
    test = await createTestApp()
    renameSync(test.dbPath, `${test.dbPath}.old`)
    writeFileSync(test.dbPath, '')
    const res = await health(test.app)
    expect(res.status).toBe(503)
    expect(res.body).toMatchObject({ error: { message: 'The database file was replaced by another file' } })
  })
})
