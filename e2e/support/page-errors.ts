import type { Page } from 'playwright-core'

export interface PageErrorOptions {
  /** Also collect `console.error` messages (failed loads, errors our code logs); default true. */
  console?: boolean
  /** Messages to ignore (a test that provokes an error on purpose), matched by substring or RegExp. */
  ignore?: (string | RegExp)[]
}

/**
 * Collects, from now on, the page's uncaught exceptions and unhandled rejections (`pageerror: ...`) and,
 * unless `console: false`, its `console.error` messages (`console.error: ...`), into the returned live array.
 */
export function collectPageErrors(page: Page, options: PageErrorOptions = {}): string[] {
  const errors: string[] = []
  const ignored = (message: string) =>
    (options.ignore ?? []).some((m) => (typeof m === 'string' ? message.includes(m) : m.test(message)))
  const add = (message: string) => {
    if (!ignored(message)) errors.push(message)
  }
  page.on('pageerror', (error) => add(`pageerror: ${error.stack ?? error.message}`))
  if (options.console !== false) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const where = message.location().url
      add(`console.error: ${message.text()}${where ? ` (${where})` : ''}`)
    })
  }
  return errors
}
