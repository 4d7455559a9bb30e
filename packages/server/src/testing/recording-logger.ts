import type { Logger } from '../lib/logger.ts'

/** A logger for tests that keeps every line it is given, at any level, in `lines`. */
export function recordingLogger(lines: string[]): Logger {
  const push = (message: string) => lines.push(message)
  return { debug: push, info: push, warn: push, error: push }
}
