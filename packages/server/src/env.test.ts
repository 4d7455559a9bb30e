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

  it('reads the production settings: log format, metrics token, allowed hosts, timeouts, connection cap', () => {
    expect(parseEnv({})).toMatchObject({
      TORII_LOG_FORMAT: 'auto',
      TORII_REQUEST_TIMEOUT_MS: 30_000,
      TORII_HEADERS_TIMEOUT_MS: 10_000,
      TORII_KEEP_ALIVE_TIMEOUT_MS: 5_000,
      TORII_MAX_CONNECTIONS: 4096,
    })
    expect(
      parseEnv({
        TORII_LOG_FORMAT: 'json',
        TORII_METRICS_TOKEN: 'sixteen-chars-ok',
        TORII_ALLOWED_HOSTS: 'Consent.Example.com, www.example.com:8443',
        TORII_HEADERS_TIMEOUT_MS: '2000',
        TORII_MAX_CONNECTIONS: '100',
      })
    ).toMatchObject({
      TORII_LOG_FORMAT: 'json',
      TORII_METRICS_TOKEN: 'sixteen-chars-ok',
      TORII_ALLOWED_HOSTS: ['consent.example.com', 'www.example.com:8443'],
      TORII_HEADERS_TIMEOUT_MS: 2000,
      TORII_MAX_CONNECTIONS: 100,
    })
  })

  it('names bad production settings, never repeating a token', () => {
    const lines = () => {
      try {
        parseEnv({
          TORII_METRICS_TOKEN: 'short-secret',
          TORII_ALLOWED_HOSTS: 'http://consent.example.com',
          TORII_HEADERS_TIMEOUT_MS: '60000',
          TORII_MAX_CONNECTIONS: '0',
        })
      } catch (error) {
        if (error instanceof EnvError) return error.message.split('\n')
      }
      return []
    }
    expect(lines()).toHaveLength(4)
    expect(lines()).toEqual([
      expect.stringMatching(/^TORII_METRICS_TOKEN=\(hidden\) is not valid; accepted: a token of at least 16/),
      expect.stringMatching(
        /^TORII_ALLOWED_HOSTS="http:\/\/consent.example.com" is not valid; accepted: host names/
      ),
      expect.stringMatching(/^TORII_MAX_CONNECTIONS="0" is not valid/),
      expect.stringMatching(/^TORII_HEADERS_TIMEOUT_MS="60000" is not valid; accepted: at most/),
    ])
    expect(lines().join('\n')).not.toContain('short-secret')
    expect(() => parseEnv({ TORII_HEADERS_TIMEOUT_MS: '60000' })).toThrow(
      /^TORII_HEADERS_TIMEOUT_MS="60000" is not valid; accepted: at most TORII_REQUEST_TIMEOUT_MS \(30000\)$/
    )
  })
})
