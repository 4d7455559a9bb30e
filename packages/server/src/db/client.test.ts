import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDb, type Database } from './client.ts'

let dir: string
let opened: Database[]
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'torii-db-'))
  opened = []
})
afterEach(() => {
  for (const database of opened) database.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('createDb', () => {
  it('lets servers that start at once migrate one new database file', async () => {
    const url = `file:${join(dir, 'torii.db')}`
    const results = await Promise.allSettled([createDb({ url }), createDb({ url }), createDb({ url })])
    for (const result of results) if (result.status === 'fulfilled') opened.push(result.value)
    expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'ok'))).toEqual([
      'ok',
      'ok',
      'ok',
    ])
    const tables = await opened[0]!.client.execute("select name from sqlite_master where name = 'receipts'")
    expect(tables.rows).toHaveLength(1)
  })
})
