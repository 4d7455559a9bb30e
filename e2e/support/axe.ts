import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { ElementContext, Result, RunOptions } from 'axe-core'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** The WCAG 2.2 A/AA rules plus axe's best practices: what the suite holds every page and the banner to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

/**
 * Runs axe-core in the page (open shadow roots included, so `<torii-consent>`'s UI is checked) and returns
 * the violations. `context` narrows it: `'torii-consent'` for the banner only, `{ exclude: ['torii-consent'] }`
 * for the page without it. `options` replace the default `runOnly: AXE_TAGS`.
 */
export async function runAxe(page: Page, context?: ElementContext, options?: RunOptions): Promise<Result[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object')
  if (!loaded) await page.evaluate(AXE_SOURCE)
  const runOptions: RunOptions = options ?? { runOnly: { type: 'tag', values: AXE_TAGS } }
  const arg = JSON.parse(JSON.stringify({ context: context ?? null, runOptions }))
  const violations: unknown = await page.evaluate(
    async ({ context, runOptions }) => {
      const axe = (
        window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: unknown }> } }
      ).axe
      const results = await axe.run(context ?? document, runOptions)
      return JSON.parse(JSON.stringify(results.violations))
    },
    arg as { context: unknown; runOptions: unknown }
  )
  return violations as Result[]
}

/** One line per violating node (rule, impact, target, summary): for readable assertion messages. */
export function formatViolations(violations: Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (node) => `${v.id} (${v.impact}): ${JSON.stringify(node.target)} ${node.failureSummary ?? v.help}`
      )
    )
    .join('\n')
}
