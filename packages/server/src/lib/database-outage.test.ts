import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from './database-outage.ts'

const errorWith = (fields: Record<string, unknown>) => Object.assign(new Error('x'), fields)

describe('isDatabaseUnavailable', () => {
  it('knows a lost or refused database connection, also wrapped by drizzle', () => {
    expect(isDatabaseUnavailable(errorWith({ code: 'CONNECTION_CLOSED' }))).toBe(true)
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
