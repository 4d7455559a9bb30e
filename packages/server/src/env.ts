import { existsSync } from 'node:fs'
import { z } from 'zod'
import { DB_URL_FORMS, DB_URL_PATTERN, dialectOf, redactedUrl } from './db/sql-client.ts'
import { DURABILITIES } from './ledger/write/writer.ts'
import { isLoopbackHost } from './lib/public-base.ts'
import { DEFAULT_MAX_CONNECTIONS } from './lib/server-limits.ts'

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const
export type LogFormat = (typeof LOG_FORMATS)[number]

/** A request header name (an RFC 9110 token), kept in lower case as Node and Hono read headers. */
const headerNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'accepted: a request header name such as cf-ipcountry')
  .transform((name) => name.toLowerCase())

/** A whole number of milliseconds, at least `min`. */
const millisecondsSchema = (min: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `accepted: a whole number of milliseconds, at least ${min}`)
    .transform(Number)
    .refine((ms) => ms >= min, `accepted: a whole number of milliseconds, at least ${min}`)

/** Host names (with a port or not) whose Host header the server may use in links it hands out. */
const hostListSchema = z
  .string()
  .regex(
    /^\s*[A-Za-z0-9.-]+(:\d{1,5})?(\s*,\s*[A-Za-z0-9.-]+(:\d{1,5})?)*\s*$/,
    'accepted: host names separated by commas, each with an optional port (consent.example.com,www.example.com:8443)'
  )
  .transform((list) => list.split(',').map((host) => host.trim().toLowerCase()))

/** A PostgreSQL URL must parse and name a host (the rest is checked when it is opened). */
function isOpenableDbUrl(url: string): boolean {
  if (dialectOf(url) !== 'postgres') return !/^postgres/i.test(url)
  try {
    return new URL(url).hostname !== ''
  } catch {
    return false
  }
}

/** Every environment variable the server reads, with what each accepts. */
const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'accepted: a port number from 0 to 65535')
    .transform(Number)
    .refine((port) => port <= 65535, 'accepted: a port number from 0 to 65535')
    .default(8787),
  HOST: z.string().min(1, 'accepted: a host name or IP address to listen on').default('127.0.0.1'),
  TORII_DB_URL: z
    .string()
    .regex(DB_URL_PATTERN, `accepted: ${DB_URL_FORMS}`)
    .refine(
      isOpenableDbUrl,
      'accepted for PostgreSQL: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (special characters in the password percent-encoded)'
    )
    .default('file:./data/torii.db'),
  TORII_DB_AUTH_TOKEN: z.string().optional(),
  TORII_DEMO: z.enum(['auto', 'on', 'off'], 'accepted: auto, on, off').default('auto'),
  TORII_SIGNING_KEY: z.string().min(1).optional(),
  /** The ledger's signing key file; unset, `<database>-signing-key.pem` beside a local database file. */
  TORII_SIGNING_KEY_FILE: z.string().min(1).optional(),
  TORII_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'accepted: an http(s) URL such as https://consent.example.com' })
    .optional(),
  /** The log's origin line and key name (docs/log-format.md); default from TORII_PUBLIC_URL. */
  TORII_LOG_ORIGIN: z
    .string()
    .regex(/^[^\s+]+$/, 'accepted: a log origin without spaces or "+", such as consent.example.com/log')
    .optional(),
  TORII_TRUST_PROXY: z.enum(['0', '1'], 'accepted: 0, 1').default('0'),
  TORII_LOG_LEVEL: z.enum(LOG_LEVELS, `accepted: ${LOG_LEVELS.join(', ')}`).default('info'),
  /** `auto`: pretty on a terminal outside production when pino-pretty is installed, else JSON lines. */
  TORII_LOG_FORMAT: z.enum(LOG_FORMATS, `accepted: ${LOG_FORMATS.join(', ')}`).default('auto'),
  /** Unset: /metrics answers loopback clients only; set: anyone sending `Authorization: Bearer TOKEN`. */
  TORII_METRICS_TOKEN: z.string().min(16, 'accepted: a token of at least 16 characters').optional(),
  TORII_ALLOWED_HOSTS: hostListSchema.optional(),
  /** Time to receive a whole request (headers and body). */
  TORII_REQUEST_TIMEOUT_MS: millisecondsSchema(1).default(30_000),
  /** Time to receive a request's headers (slow-loris clients are cut off after it). */
  TORII_HEADERS_TIMEOUT_MS: millisecondsSchema(1).default(10_000),
  /** How long an idle keep-alive connection stays open. */
  TORII_KEEP_ALIVE_TIMEOUT_MS: millisecondsSchema(1).default(5_000),
  TORII_MAX_CONNECTIONS: z
    .string()
    .regex(/^[1-9]\d{0,6}$/, 'accepted: a whole number of connections from 1 to 9999999')
    .transform(Number)
    .default(DEFAULT_MAX_CONNECTIONS),
  TORII_RECEIPT_RATE_LIMIT: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'accepted: a whole number of receipts per minute per truncated IP, at least 1')
    .transform(Number)
    .default(600),
  TORII_RECEIPT_SITE_RATE_LIMIT: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'accepted: a whole number of receipts per minute per site, at least 1')
    .transform(Number)
    .default(6000),
  TORII_LEDGER_SYNC: z.enum(DURABILITIES, `accepted: ${DURABILITIES.join(', ')}`).default('full'),
  TORII_SEAL_BATCH_SIZE: z
    .string()
    .regex(/^[1-9]\d{0,6}$/, 'accepted: a whole number of receipts from 1 to 9999999')
    .transform(Number)
    .optional(),
  TORII_SEAL_INTERVAL_MS: z
    .string()
    .regex(/^[1-9]\d{0,7}$/, 'accepted: a whole number of milliseconds from 1 to 99999999')
    .transform(Number)
    .optional(),
  /** `off`: no jurisdiction is resolved, every visitor gets a site's default region rule. */
  TORII_GEO: z.enum(['on', 'off'], 'accepted: on, off').default('on'),
  /** The header a trusted CDN sets with the visitor's country; unset, the embedded IP database. */
  TORII_GEO_HEADER: headerNameSchema.optional(),
  TORII_GEO_SUBDIVISION_HEADER: headerNameSchema.optional(),
  /** An MMDB country database (records with `country_code`) in place of the embedded one. */
  TORII_GEO_DB: z
    .string()
    .min(1)
    .refine(existsSync, 'accepted: the path of an existing MMDB file (records with country_code)')
    .optional(),
})

/** What one variable accepts depending on another. */
const envRulesSchema = envSchema.superRefine((env, ctx) => {
  if (!env.TORII_PUBLIC_URL && !isLoopbackHost(env.HOST)) {
    ctx.addIssue({
      code: 'custom',
      path: ['TORII_PUBLIC_URL'],
      message: `required when HOST is not a loopback address (HOST=${env.HOST}): the URL visitors reach the server at, such as https://consent.example.com`,
    })
  }
  if (env.TORII_HEADERS_TIMEOUT_MS > env.TORII_REQUEST_TIMEOUT_MS) {
    ctx.addIssue({
      code: 'custom',
      path: ['TORII_HEADERS_TIMEOUT_MS'],
      message: `accepted: at most TORII_REQUEST_TIMEOUT_MS (${env.TORII_REQUEST_TIMEOUT_MS})`,
    })
  }
  if (env.TORII_GEO_SUBDIVISION_HEADER && !env.TORII_GEO_HEADER) {
    ctx.addIssue({
      code: 'custom',
      path: ['TORII_GEO_SUBDIVISION_HEADER'],
      message: 'accepted only with TORII_GEO_HEADER (the country header) set too',
    })
  }
})

export type Env = z.infer<typeof envSchema>

/** Thrown for environment values the server cannot use; `message` is one line per bad variable. */
export class EnvError extends Error {
  override name = 'EnvError'
}

/** Variables whose values an error message must not repeat. */
const SECRET_VARIABLES = new Set(['TORII_METRICS_TOKEN', 'TORII_DB_AUTH_TOKEN', 'TORII_SIGNING_KEY'])

/** Parses the environment; empty strings count as unset. Throws `EnvError` naming each bad variable. */
export function parseEnv(env: Record<string, string | undefined> = process.env): Env {
  const input: Record<string, string> = {}
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key]
    if (value !== undefined && value !== '') input[key] = value
  }
  const result = envRulesSchema.safeParse(input)
  if (result.success) return result.data
  const lines = result.error.issues.map((issue) => {
    const key = String(issue.path[0])
    if (input[key] === undefined) return `${key} is not set; ${issue.message}`
    const shown = SECRET_VARIABLES.has(key)
      ? '(hidden)'
      : JSON.stringify(key === 'TORII_DB_URL' ? redactedUrl(input[key]) : input[key])
    return `${key}=${shown} is not valid; ${issue.message}`
  })
  throw new EnvError(lines.join('\n'))
}
