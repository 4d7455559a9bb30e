import type { LogLevel } from '../env.ts'

export interface Logger {
  debug(message: string, detail?: unknown): void
  info(message: string, detail?: unknown): void
  warn(message: string, detail?: unknown): void
  error(message: string, detail?: unknown): void
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

/** A leveled logger writing one line per event to stderr (stdout is for the start-up banner). */
export function createLogger(level: LogLevel = 'info'): Logger {
  const threshold = ORDER[level]
  const write = (at: Exclude<LogLevel, 'silent'>) => (message: string, detail?: unknown) => {
    if (ORDER[at] < threshold) return
    const suffix =
      detail === undefined
        ? ''
        : ` ${detail instanceof Error ? (detail.stack ?? detail.message) : JSON.stringify(detail)}`
    process.stderr.write(`${new Date().toISOString()} ${at.toUpperCase()} ${message}${suffix}\n`)
  }
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}

export const SILENT_LOGGER: Logger = createLogger('silent')
