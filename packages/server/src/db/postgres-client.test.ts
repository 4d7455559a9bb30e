import { afterEach, describe, expect, it } from 'vitest'
import { createPgDatabase } from '../testing/pg-cluster.ts'
import { engineMissing, pgAdminUrl } from '../testing/test-engines.ts'
import { createPostgresPool, numberPlaceholders } from './postgres-client.ts'

describe('numberPlaceholders', () => {
  it('numbers ? in order and leaves quoted text and identifiers alone', () => {
    expect(numberPlaceholders(`SELECT ?, '?' AS "a?b", ? WHERE x = ?`)).toBe(
      `SELECT $1, '?' AS "a?b", $2 WHERE x = $3`
    )
  })
})

describe.skipIf(engineMissing('postgres'))('a pool of createPostgresPool', () => {
  const drops: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const drop of drops.splice(0)) await drop()
  })

  it('sends JSON text bound to a jsonb parameter as it is, and reads int8 and numeric as numbers', async () => {
    const database = await createPgDatabase(pgAdminUrl())
    drops.push(database.drop)
    const pool = createPostgresPool(database.url, { max: 1 })
    try {
      const [row] = (
        await pool.query({
          name: 'torii_test_types',
          text: 'SELECT jsonb_array_length($1::jsonb) AS n, $2::jsonb AS object, count(*) AS counted, sum(2) AS summed',
          values: ['[1,2,3]', { a: 1 }],
        })
      ).rows
      // The text arrives as it was written (an array of 3), not encoded again into a JSON string.
      expect(row).toEqual({ n: 3, object: { a: 1 }, counted: 1, summed: 2 })
    } finally {
      await pool.end()
    }
  })
})
