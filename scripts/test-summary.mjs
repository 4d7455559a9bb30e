#!/usr/bin/env node
// Sums the vitest runs found in CI logs into one line: `tests: N passed, N failed`.
// Reads vitest's own summary lines ("Test Files", "Tests", "Errors"), with or without pnpm's
// "packages/x test: " prefix and ANSI colours. A run that started ("RUN v4...") but printed no
// "Tests" summary (it crashed, or its files failed to load) counts as one failure.
// Usage: node scripts/test-summary.mjs <log file>...
import { readFileSync } from 'node:fs'

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')
const COUNT = /(\d+) (passed|failed|skipped|todo)/g

/** Parses vitest output into per-run totals. */
export function summarize(text) {
  const totals = { runs: 0, summaries: 0, passed: 0, failed: 0, skipped: 0 }
  let failedFiles = 0
  let failedTestsInRun = 0
  const closeRun = () => {
    // Files that failed to load report no failed test: count each such file once.
    if (failedFiles > failedTestsInRun) totals.failed += failedFiles - failedTestsInRun
    failedFiles = 0
    failedTestsInRun = 0
  }
  for (const raw of text.split('\n')) {
    const line = raw.replace(ANSI, '')
    if (/\bRUN\s+v\d+\.\d+/.test(line)) {
      totals.runs += 1
      failedFiles = 0
      failedTestsInRun = 0
    }
    const files = line.match(/\bTest Files\s+(.*)\(\d+\)\s*$/)
    if (files) failedFiles = Number(files[1].match(/(\d+) failed/)?.[1] ?? 0)
    const errors = line.match(/\bErrors\s+(\d+) errors?\b/)
    if (errors) totals.failed += Number(errors[1])
    const tests = line.match(/\bTests\s+(.*)\(\d+\)\s*$/)
    if (!tests) continue
    totals.summaries += 1
    for (const [, n, kind] of tests[1].matchAll(COUNT)) {
      if (kind === 'passed') totals.passed += Number(n)
      if (kind === 'failed') {
        totals.failed += Number(n)
        failedTestsInRun += Number(n)
      }
      if (kind === 'skipped' || kind === 'todo') totals.skipped += Number(n)
    }
    closeRun()
  }
  totals.failed += Math.max(0, totals.runs - totals.summaries)
  return totals
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = process.argv
    .slice(2)
    .map((file) => {
      try {
        return readFileSync(file, 'utf8')
      } catch {
        return ''
      }
    })
    .join('\n')
  const t = summarize(text)
  console.log(`vitest runs: ${t.runs} (${t.summaries} with a summary), skipped or todo: ${t.skipped}`)
  console.log(`tests: ${t.passed} passed, ${t.failed} failed`)
}
