import { toSnakeCase } from 'drizzle-orm/casing'
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { afterEach, describe, expect, it } from 'vitest'
import { receipts } from '../../db/schema.ts'
import { createTestDb } from '../../testing/test-db.ts'
import { RECEIPT_FIELDS } from './receipt-fields.ts'

/** A field as SQLite stores it: drizzle's booleans are integers, the maps' JSON is text. */
const sqliteType = (type: string) => (type === 'json' || type === 'text' ? 'TEXT' : 'INTEGER')

let cleanup = () => {}
afterEach(() => cleanup())

describe('the receipt field table', () => {
  it('lists the columns of the drizzle table: names, order, types and NULLs', () => {
    const columns = getTableConfig(receipts).columns.map((column) => ({
      name: column.name,
      column: toSnakeCase(column.name),
      type: column.columnType,
      nullable: !column.notNull,
    }))
    const drizzleType = {
      text: 'SQLiteText',
      json: 'SQLiteText',
      integer: 'SQLiteInteger',
      boolean: 'SQLiteBoolean',
    }
    expect(
      RECEIPT_FIELDS.map((field) => ({
        name: field.name,
        column: field.column,
        type: drizzleType[field.type],
        nullable: field.nullable,
      }))
    ).toEqual(columns)
  })

  it('lists the columns of a migrated database in their stored order', async () => {
    const db = await createTestDb()
    cleanup = db.cleanup
    const stored = (await db.client.execute('PRAGMA table_info(receipts)')).rows.map((row) => ({
      column: row.name,
      type: row.type,
      nullable: Number(row.notnull) === 0,
    }))
    expect(
      RECEIPT_FIELDS.map((field) => ({
        column: field.column,
        type: sqliteType(field.type),
        nullable: field.nullable,
      }))
    ).toEqual(stored)
  })

  it('hashes every member of a receipt but the hash itself and erasedAt, and erases only hashed ones', () => {
    // Version 0 hashes: every member but the hash, erasedAt and the v1 commitment's own members.
    const receiptOnly = RECEIPT_FIELDS.filter((field) => field.inReceipt).map((field) => field.name)
    const hashed = RECEIPT_FIELDS.filter((field) => field.hashed).map((field) => field.name)
    const v1Only = ['hash', 'erasedAt', 'leafVersion', 'payloadDigest', 'privateDigest']
    expect(hashed).toEqual(receiptOnly.filter((name) => !v1Only.includes(name)))
    for (const field of RECEIPT_FIELDS.filter((f) => f.payload)) {
      // Erased: version 0's payload, or the v1 commitment's erased members (privateDigest, the salt).
      expect(
        (field.hashed || field.name === 'privateDigest' || field.name === 'salt') && field.nullable,
        field.name
      ).toBe(true)
    }
  })

  it('puts every committed member in one part of the v1 commitment: kept ones never erased, the rest erased', () => {
    const parts = Object.fromEntries(
      RECEIPT_FIELDS.filter((field) => field.part).map((field) => [field.name, field.part])
    )
    expect(parts).toEqual({
      id: 'kept',
      siteId: 'kept',
      revision: 'kept',
      revisionHash: 'kept',
      action: 'kept',
      issuedAt: 'kept',
      consentId: 'payload',
      purposes: 'payload',
      vendors: 'payload',
      consentMode: 'payload',
      gpc: 'payload',
      language: 'payload',
      pageUrl: 'payload',
      clientTime: 'payload',
      userAgent: 'private',
      ipTruncated: 'private',
      country: 'kept',
      subdivision: 'kept',
      regionRule: 'kept',
      regionModel: 'kept',
      payloadDigest: 'kept',
      privateDigest: 'payload',
    })
    for (const field of RECEIPT_FIELDS.filter((f) => f.part))
      expect(field.payload, field.name).toBe(field.part !== 'kept')
  })
})
