import type { ResolvedJurisdiction } from '@torii/schema'
import type { Env } from '../env.ts'
import type { Logger } from '../lib/logger.ts'
import { type GeoHeaderNames, type HeaderReader, readGeoHeaders } from './geo-headers.ts'
import { createIpCountryLookup } from './ip-country.ts'

export interface JurisdictionResolverOptions {
  /** `TORII_GEO`: false resolves nothing, every visitor gets the default rule. Default true. */
  enabled?: boolean
  /** `TORII_GEO_HEADER`: the header a trusted CDN sets with the country. Unset: the IP database. */
  countryHeader?: string
  /** `TORII_GEO_SUBDIVISION_HEADER`: the header with the subdivision; needs `countryHeader`. */
  subdivisionHeader?: string
  /** `TORII_GEO_DB`: the IP database (MMDB with `country_code`); default the embedded one. */
  ipDatabasePath?: string
  logger?: Logger
}

/** Distinct geo header values whose jurisdiction is kept (every country, and subdivisions, with room to spare). */
const MAX_KNOWN_HEADER_VALUES = 4096

/** Where jurisdictions come from: a CDN's headers, the IP database, or nowhere (`TORII_GEO=off`). */
export type JurisdictionMode = 'header' | 'ip' | 'off'

export interface JurisdictionResolver {
  readonly mode: JurisdictionMode
  /**
   * The request headers the answer depends on, for `Vary` (lower case; empty unless `mode` is `header`). In
   * `ip` mode the answer depends on the client address, which no `Vary` can name: see docs/regions.md.
   */
  readonly varyHeaders: readonly string[]
  /** The visitor's jurisdiction from a request's headers and client IP; never throws. Shared between requests: read it only. */
  resolve(headers: HeaderReader, clientIp: string | null | undefined): ResolvedJurisdiction
}

/**
 * Resolves each request's jurisdiction. With a geo header configured, only the header counts: a request
 * without a usable value is unknown, never looked up by IP, since behind a CDN the socket's address is the
 * CDN's, and a shared cache varying on the header would otherwise keep an answer it cannot tell apart.
 */
export function createJurisdictionResolver(options: JurisdictionResolverOptions = {}): JurisdictionResolver {
  if (options.subdivisionHeader && !options.countryHeader) {
    throw new Error('a subdivision header needs a country header too (TORII_GEO_HEADER)')
  }
  if (options.enabled === false) return { mode: 'off', varyHeaders: [], resolve: () => ({ source: 'none' }) }

  if (options.countryHeader) {
    const names: GeoHeaderNames = {
      country: options.countryHeader.toLowerCase(),
      subdivision: options.subdivisionHeader?.toLowerCase(),
    }
    // Each distinct pair of raw values is read once: a CDN sends a few hundred, and reading them again on
    // every gate.js request cost about 2 µs of its CPU. Bounded, so made-up values cannot grow it.
    const known = new Map<string, ResolvedJurisdiction>()
    return {
      mode: 'header',
      varyHeaders: names.subdivision ? [names.country, names.subdivision] : [names.country],
      resolve(headers) {
        const country = headers.get(names.country)
        const subdivision = names.subdivision ? headers.get(names.subdivision) : null
        const key = subdivision === null ? (country ?? '') : `${country ?? ''}\n${subdivision}`
        let resolved = known.get(key)
        if (!resolved) {
          const found = readGeoHeaders(
            { get: (name) => (name === names.country ? country : subdivision) },
            names
          )
          resolved = Object.freeze(found.country ? { ...found, source: 'header' } : { source: 'none' })
          if (known.size >= MAX_KNOWN_HEADER_VALUES) known.clear()
          known.set(key, resolved)
        }
        return resolved
      },
    }
  }

  const lookup = createIpCountryLookup({ path: options.ipDatabasePath, logger: options.logger })
  return {
    mode: 'ip',
    varyHeaders: [],
    resolve(_headers, clientIp) {
      const country = lookup.country(clientIp)
      return country ? { country, source: 'ip' } : { source: 'none' }
    },
  }
}

/** The resolver's options as the environment sets them (`TORII_GEO`, `TORII_GEO_HEADER`, ...). */
export function jurisdictionOptionsFromEnv(
  env: Pick<Env, 'TORII_GEO' | 'TORII_GEO_HEADER' | 'TORII_GEO_SUBDIVISION_HEADER' | 'TORII_GEO_DB'>
): JurisdictionResolverOptions {
  return {
    enabled: env.TORII_GEO === 'on',
    countryHeader: env.TORII_GEO_HEADER,
    subdivisionHeader: env.TORII_GEO_SUBDIVISION_HEADER,
    ipDatabasePath: env.TORII_GEO_DB,
  }
}
