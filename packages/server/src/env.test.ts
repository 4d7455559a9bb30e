import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env.ts'
import { embeddedIpDatabasePath } from './geo/ip-country.ts'
import { jurisdictionOptionsFromEnv } from './geo/jurisdiction-resolver.ts'

describe('parseEnv', () => {
  it('applies defaults, treating empty strings as unset', () => {
    expect(parseEnv({ PORT: '', TORII_DEMO: '' })).toMatchObject({
      PORT: 8787,
      HOST: '127.0.0.1',
      TORII_DB_URL: 'file:./data/torii.db',
      TORII_DEMO: 'auto',
      TORII_TRUST_PROXY: '0',
      TORII_LOG_LEVEL: 'info',
      TORII_LEDGER_SYNC: 'full',
      TORII_GEO: 'on',
    })
    expect(parseEnv({ TORII_GEO_HEADER: '' })).not.toHaveProperty('TORII_GEO_HEADER')
  })

  it('reads valid values', () => {
    const env = parseEnv({
      PORT: '0',
      TORII_DB_URL: 'libsql://torii.example.turso.io',
      TORII_DEMO: 'off',
      TORII_PUBLIC_URL: 'https://consent.example.com',
      TORII_SEAL_BATCH_SIZE: '100',
      TORII_LEDGER_SYNC: 'normal',
    })
    expect(env).toMatchObject({
      PORT: 0,
      TORII_DEMO: 'off',
      TORII_SEAL_BATCH_SIZE: 100,
      TORII_LEDGER_SYNC: 'normal',
    })
  })

  it('names each bad variable with what it accepts, one line each', () => {
    try {
      parseEnv({
        PORT: '1e3',
        TORII_TRUST_PROXY: 'yes',
        TORII_PUBLIC_URL: 'consent.example.com',
        TORII_LEDGER_SYNC: 'off',
      })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError)
      const lines = (error as Error).message.split('\n')
      expect(lines).toHaveLength(4)
      expect(lines[0]).toBe('PORT="1e3" is not valid; accepted: a port number from 0 to 65535')
      expect(lines[1]).toContain('TORII_PUBLIC_URL="consent.example.com"')
      expect(lines).toContain('TORII_TRUST_PROXY="yes" is not valid; accepted: 0, 1')
      expect(lines).toContain('TORII_LEDGER_SYNC="off" is not valid; accepted: full, normal')
    }
  })

  it('reads the geo settings, header names in lower case', () => {
    expect(
      parseEnv({
        TORII_GEO: 'off',
        TORII_GEO_HEADER: 'CF-IPCountry',
        TORII_GEO_SUBDIVISION_HEADER: 'cf-region-code',
      })
    ).toMatchObject({
      TORII_GEO: 'off',
      TORII_GEO_HEADER: 'cf-ipcountry',
      TORII_GEO_SUBDIVISION_HEADER: 'cf-region-code',
    })
  })

  it('names each bad geo setting in one line', () => {
    const lines = (env: Record<string, string>) => {
      try {
        parseEnv(env)
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError)
        return (error as Error).message.split('\n')
      }
      return expect.unreachable()
    }
    expect(lines({ TORII_GEO: 'yes', TORII_GEO_HEADER: 'cf ipcountry' })).toEqual([
      'TORII_GEO="yes" is not valid; accepted: on, off',
      'TORII_GEO_HEADER="cf ipcountry" is not valid; accepted: a request header name such as cf-ipcountry',
    ])
    expect(lines({ TORII_GEO_SUBDIVISION_HEADER: 'cf-region-code' })).toEqual([
      'TORII_GEO_SUBDIVISION_HEADER="cf-region-code" is not valid; accepted only with TORII_GEO_HEADER (the country header) set too',
    ])
    expect(lines({ TORII_GEO_HEADER: 'cf-ipcountry', TORII_GEO_SUBDIVISION_HEADER: 'x-region:' })).toEqual([
      'TORII_GEO_SUBDIVISION_HEADER="x-region:" is not valid; accepted: a request header name such as cf-ipcountry',
    ])
    expect(lines({ TORII_GEO_DB: '/nonexistent/countries.mmdb' })).toEqual([
      'TORII_GEO_DB="/nonexistent/countries.mmdb" is not valid; accepted: the path of an existing MMDB file (records with country_code)',
    ])
  })

  it('takes another IP database by its path', () => {
    const path = embeddedIpDatabasePath()!
    expect(jurisdictionOptionsFromEnv(parseEnv({ TORII_GEO_DB: path })).ipDatabasePath).toBe(path)
  })
})
