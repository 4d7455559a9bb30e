import type { Logger } from '../lib/logger.ts'
import { ACCESS_LOG_MESSAGE } from '../middleware/access-log.ts'

/** A logger for tests that keeps every line it is given, at any level, in `lines`, except access log lines. */
export function recordingLogger(lines: string[]): Logger {
  const push = (message: string) => {
    if (message !== ACCESS_LOG_MESSAGE) lines.push(message)
  }
  return { debug: push, info: push, warn: push, error: push }
}
