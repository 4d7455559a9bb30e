import { UsageError } from './usage.ts'

/**
 * The log's origin, the name its verifier keys carry: `--origin`, else TORII_LOG_ORIGIN, else the public URL
 * without scheme and trailing slash, plus `/log` (docs/log-format.md).
 */
export function logOriginOption(origin: string | undefined): string {
  if (origin) return origin
  if (process.env.TORII_LOG_ORIGIN) return process.env.TORII_LOG_ORIGIN
  const publicUrl = process.env.TORII_PUBLIC_URL
  if (publicUrl) return `${publicUrl.replace(/^https?:\/\//, '').replace(/\/+$/, '')}/log`
  throw new UsageError('--origin ORIGIN is required (or TORII_LOG_ORIGIN, or TORII_PUBLIC_URL to derive it)')
}
