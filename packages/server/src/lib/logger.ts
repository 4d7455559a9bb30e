import { createRequire } from 'node:module'
import { type DestinationStream, type Logger as PinoLogger, pino } from 'pino'
import type { LogFormat, LogLevel } from '../env.ts'

/** What the server logs through: a message, and fields (an object), an error, or any value as `detail`. */
export interface Logger {
  debug(message: string, detail?: unknown): void
  info(message: string, detail?: unknown): void
  warn(message: string, detail?: unknown): void
  error(message: string, detail?: unknown): void
}

export interface LoggerOptions {
  /** `auto` (default): pretty on a terminal outside production when pino-pretty is installed, else JSON. */
  format?: LogFormat
  /** Where JSON lines go (default stdout); tests pass a stream. */
  destination?: DestinationStream
}

/**
 * A leveled logger writing one JSON object per line to stdout (pino): `level` as its name, `time` in ISO
 * 8601, `msg`, and the detail's fields. Errors go under `err` with their stack.
 */
export function createLogger(level: LogLevel = 'info', options: LoggerOptions = {}): Logger {
  if (level === 'silent') return SILENT_LOGGER
  const base = pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? destinationFor(options.format ?? 'auto')
  )
  return {
    debug: (message, detail) => write(base, 'debug', message, detail),
    info: (message, detail) => write(base, 'info', message, detail),
    warn: (message, detail) => write(base, 'warn', message, detail),
    error: (message, detail) => write(base, 'error', message, detail),
  }
}

function write(base: PinoLogger, at: Exclude<LogLevel, 'silent'>, message: string, detail: unknown): void {
  if (detail === undefined) base[at](message)
  else if (detail instanceof Error) base[at]({ err: detail }, message)
  else if (typeof detail === 'object' && detail !== null) base[at](detail, message)
  else base[at]({ detail }, message)
}

/**
 * stdout, asynchronously (lines that arrive together go out in one write; pino flushes on exit), or through
 * pino-pretty when asked for or on a developer's terminal. pino-pretty is a development dependency: a
 * production install has none, and gets JSON.
 */
function destinationFor(format: LogFormat): DestinationStream {
  const wantsPretty =
    format === 'pretty' ||
    (format === 'auto' && process.stdout.isTTY && process.env.NODE_ENV !== 'production')
  const pretty = wantsPretty ? loadPrettyPrinter() : null
  if (pretty) return pretty({ colorize: process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss.l', sync: true })
  return pino.destination({ dest: 1, sync: false })
}

type PrettyFactory = (options: Record<string, unknown>) => DestinationStream

function loadPrettyPrinter(): PrettyFactory | null {
  try {
    return createRequire(import.meta.url)('pino-pretty') as PrettyFactory
  } catch {
    return null
  }
}

const ignore = () => {}
export const SILENT_LOGGER: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore }
