import { describe, expect, it } from 'vitest'
import { DATABASE_SOCKET_ERROR } from '../db/postgres-client.ts'
import { isDatabaseUnavailable } from './database-outage.ts'

const errorWith = (fields: Record<string, unknown>) => Object.assign(new Error('x'), fields)

describe('isDatabaseUnavailable', () => {
  it('knows a lost or refused database connection, also wrapped by drizzle', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isDatabaseUnavailable(errorWith({ code: 'ECONNRESET', [DATABASE_SOCKET_ERROR]: true }))).toBe(true)
    expect(isDatabaseUnavailable(errorWith({ code: 'EPIPE', [DATABASE_SOCKET_ERROR]: true }))).toBe(true)
    expect(isDatabaseUnavailable(errorWith({ code: 'ECONNREFUSED', syscall: 'connect' }))).toBe(true)
    expect(isDatabaseUnavailable(errorWith({ code: 'ENOTFOUND', syscall: 'getaddrinfo' }))).toBe(true)
    expect(isDatabaseUnavailable(errorWith({ code: '57P01' }))).toBe(true)
    expect(isDatabaseUnavailable(errorWith({ cause: errorWith({ code: '08006' }) }))).toBe(true)
  })

  it('does not take a visitor’s reset socket or a wrong query for the database going away', () => {
    expect(isDatabaseUnavailable(errorWith({ code: 'ECONNRESET', syscall: 'read' }))).toBe(false)
    expect(isDatabaseUnavailable(errorWith({ code: 'EPIPE', syscall: 'write' }))).toBe(false)
    expect(isDatabaseUnavailable(errorWith({ code: '42601' }))).toBe(false)
    expect(isDatabaseUnavailable(errorWith({ code: 'SQLITE_BUSY' }))).toBe(false)
    expect(isDatabaseUnavailable(new TypeError('x'))).toBe(false)
  })
})
