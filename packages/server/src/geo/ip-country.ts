import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { normalizeCountryCode } from '@torii/schema'
import { Reader, type Response } from 'mmdb-lib'
import type { Logger } from '../lib/logger.ts'
import { lookupAddress } from './lookup-address.ts'

/** The embedded database's package and file (CC0; data from the five RIRs, CC BY 4.0 by the NRO). */
const IP_DATABASE_FILE = '@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb'

/** The path of the embedded IP-to-country database, or null when its package is not installed. */
export function embeddedIpDatabasePath(): string | null {
  try {
    return createRequire(import.meta.url).resolve(IP_DATABASE_FILE)
  } catch {
    return null
  }
}

export interface IpCountryLookupOptions {
  /** An MMDB file whose records carry `country_code`; default the embedded one. */
  path?: string
  logger?: Logger
}

export interface IpCountryLookup {
  /** The country of an IPv4 or IPv6 address, or undefined (unknown, private, malformed, no database). */
  country(address: string | null | undefined): string | undefined
}

/** A record of the embedded database: `{ country_code: 'JP' }` (not one of mmdb-lib's MaxMind shapes). */
interface CountryRecord {
  country_code?: string
}

/**
 * Decoded records by their offset in the file, for mmdb-lib: a country database holds one record per country
 * (204 in the embedded one), so lookups stop decoding the same few records again (a random IPv4 lookup 2.6 ->
 * 1.8 us). Emptied at `limit` in case a bigger database is given.
 */
function recordCache(limit = 4096) {
  const records = new Map<number | string, unknown>()
  return {
    get: (offset: number | string) => records.get(offset),
    set(offset: number | string, record: unknown) {
      if (records.size >= limit) records.clear()
      records.set(offset, record)
    },
  }
}

/**
 * Reads an MMDB country database once, on the first lookup (8 MB: nothing is read while geo is off or every
 * request carries a CDN header). A missing or unreadable file is said once in the log; lookups then give
 * undefined and the visitor gets the default rule.
 */
export function createIpCountryLookup(options: IpCountryLookupOptions = {}): IpCountryLookup {
  let reader: Reader<Response> | null | undefined
  let failedLookup = false

  function load(): Reader<Response> | null {
    const path = options.path ?? embeddedIpDatabasePath()
    if (!path) {
      options.logger?.warn(
        `geo: the IP database package is not installed (${IP_DATABASE_FILE}): visitors without a geo header get the default region rule`
      )
      return null
    }
    try {
      const started = performance.now()
      const bytes = readFileSync(path)
      const database = new Reader<Response>(bytes, { cache: recordCache() })
      const built = new Date(database.metadata.buildEpoch).toISOString().slice(0, 10)
      options.logger?.info(
        `geo: IP database ${path} loaded (built ${built}, ${(bytes.length / 1e6).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms)`
      )
      return database
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
      options.logger?.warn(
        `geo: the IP database ${path} ${missing ? 'is missing' : `cannot be read (${(error as Error).message})`}: visitors without a geo header get the default region rule`
      )
      return null
    }
  }

  return {
    country(address) {
      const ip = lookupAddress(address)
      if (!ip) return undefined
      if (reader === undefined) reader = load()
      try {
        return normalizeCountryCode((reader?.get(ip) as CountryRecord | null | undefined)?.country_code)
      } catch (error) {
        // Only a damaged data section throws here (the address was checked): said once, not per request.
        if (!failedLookup) {
          failedLookup = true
          options.logger?.warn(
            `geo: a lookup in the IP database failed (${(error as Error).message}): such visitors get the default region rule`
          )
        }
        return undefined
      }
    },
  }
}
