import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { ProofBundle } from '@torii/schema/receipt'
import { carryForward } from '../proof-bundle/carry-forward.ts'
import { type ProofBundleReport, verifyProofBundle } from '../proof-bundle/verify-proof-bundle.ts'
import { type CliIo, userPath } from './io.ts'
import { parseWithFile, UsageError } from './usage.ts'
import { verifierKeySources } from './vkey-option.ts'

function readBundle(file: string): unknown {
  if (!existsSync(file)) throw new UsageError(`no proof bundle file at ${file}`)
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`)
  }
}

function printReport(io: CliIo, name: string, report: ProofBundleReport): number {
  for (const check of report.checks) io.out(`  ${check.ok ? 'ok' : 'FAILED'}  ${check.step}: ${check.detail}`)
  if (!report.ok) {
    const failed = report.checks.at(-1)!
    io.out(`FAILED: ${name}: the ${failed.step} check failed: ${failed.detail}`)
    return 1
  }
  const latest = report.latest!
  io.out(`OK: ${name}: the receipt is in log ${latest.origin}, proven at tree size ${latest.treeSize}`)
  return 0
}

/**
 * `torii verify-proof FILE --vkey VKEY [--vkey VKEY…] [--update [--log-url URL] [--out FILE]]`: checks a proof bundle
 * offline with the verifier key given; with --update, first carries it to the log's latest checkpoint.
 */
export async function verifyProofCommand(args: string[], io: CliIo): Promise<number> {
  const { values, file } = parseWithFile(args, {
    vkey: { type: 'string', multiple: true },
    update: { type: 'boolean' },
    'log-url': { type: 'string' },
    out: { type: 'string' },
  })
  if (!values.update && (values['log-url'] || values.out)) {
    throw new UsageError('--log-url and --out go with --update')
  }
  // The key lines as given (`torii verify`'s sources): the bundle verifier parses them itself, to name a
  // key id that is not its key's as the `key id` check.
  const keys = verifierKeySources(values.vkey)
    .map((source) => source.text)
    .join('\n')
  const path = userPath(file)
  const bundle = readBundle(path)
  if (!values.update) return printReport(io, file, await verifyProofBundle(bundle, keys))
  const result = await carryForward(bundle as ProofBundle, keys, { logUrl: values['log-url'] })
  const code = printReport(io, file, result.report)
  if (code !== 0 || !result.carried) {
    if (code === 0) io.out("(already at the log's latest checkpoint: nothing to carry)")
    return code
  }
  const out = values.out ? userPath(values.out) : path
  writeFileSync(out, `${JSON.stringify(result.bundle, null, 2)}\n`)
  io.out(`carried to the log's latest checkpoint: written to ${values.out ?? file}`)
  return 0
}
