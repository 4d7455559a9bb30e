import { DEFAULT_LOG_ORIGIN, logOriginFor } from '../ledger/index.ts'

/**
 * The log's origin, the name its verifier keys carry: `--origin`, else the server's (TORII_LOG_ORIGIN, else
 * derived from TORII_PUBLIC_URL, else the default the server uses too).
 */
export function logOriginOption(origin: string | undefined): string {
  return (
    origin || process.env.TORII_LOG_ORIGIN || logOriginFor(process.env.TORII_PUBLIC_URL) || DEFAULT_LOG_ORIGIN
  )
}
