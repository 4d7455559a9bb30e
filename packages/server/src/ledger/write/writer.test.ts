import { afterEach, describe, expect, it } from 'vitest'
import { createTestDb } from '../../testing/test-db.ts'
import { createClientWriter, createWorkerWriter, localFileOf } from './writer.ts'

let cleanup = () => {}
afterEach(() => cleanup())

describe('ledger writer thread', () => {
  it('writes a local file from a worker thread, visible to the main connection', async () => {
    const db = await createTestDb()
    cleanup = db.cleanup
    const file = await localFileOf(db.client)
    expect(file).toBe(db.path)
    const fallback = createClientWriter(db.client)
    const writer = await createWorkerWriter(file!, fallback)
    expect(writer).not.toBe(fallback)
    await writer.write([
      {
        sql: 'INSERT INTO ledger_keys (id, public_key, created_at) VALUES (?, ?, ?)',
        args: ['k1', 'pk', 'now'],
      },
    ])
    expect((await db.client.execute('SELECT id FROM ledger_keys')).rows.map((r) => r.id)).toEqual(['k1'])
    // A failing statement rejects with the database's message and the writer keeps working.
    await expect(
      writer.write([
        {
          sql: 'INSERT INTO ledger_keys (id, public_key, created_at) VALUES (?, ?, ?)',
          args: ['k1', 'pk', 'now'],
        },
      ])
    ).rejects.toThrow(/UNIQUE/)
    await writer.write([
      {
        sql: 'INSERT INTO ledger_keys (id, public_key, created_at) VALUES (?, ?, ?)',
        args: ['k2', 'pk', 'now'],
      },
    ])
    expect(Number((await db.client.execute('SELECT count(*) AS n FROM ledger_keys')).rows[0]!.n)).toBe(2)
    await writer.close()
  })

  it('inserts rows with one prepared statement in one transaction: all or none', async () => {
    const db = await createTestDb()
    cleanup = db.cleanup
    const fallback = createClientWriter(db.client)
    const threaded = await createWorkerWriter((await localFileOf(db.client))!, fallback)
    expect(threaded.pipelined).toBe(true)
    expect(fallback.pipelined).toBe(false)
    const sql = 'INSERT INTO ledger_keys (id, public_key, created_at) VALUES (?, ?, ?)'
    const count = async () =>
      Number((await db.client.execute('SELECT count(*) AS n FROM ledger_keys')).rows[0]!.n)
    for (const writer of [threaded, fallback]) {
      const prefix = writer === threaded ? 't' : 'f'
      const row = (id: string) => JSON.stringify([`${prefix}${id}`, 'pk', 'now'])
      await writer.insertRows(sql, [row('1'), row('2')])
      const before = await count()
      // The third row repeats a key: the whole group is rolled back, nothing of it stays.
      await expect(writer.insertRows(sql, [row('3'), row('1')])).rejects.toThrow(/UNIQUE/)
      expect(await count()).toBe(before)
    }
    expect(await count()).toBe(4)
    await threaded.close()
  })

  it("falls back to the caller's writer when the thread cannot start, and says so once", async () => {
    const db = await createTestDb()
    cleanup = db.cleanup
    const fallback = createClientWriter(db.client)
    const warnings: string[] = []
    const writer = await createWorkerWriter('/nonexistent-torii-dir/ledger.db', fallback, {
      warn: (message) => warnings.push(message),
    })
    expect(writer).toBe(fallback)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/writer thread could not start .*main thread/)
  })
})
