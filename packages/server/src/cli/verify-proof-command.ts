import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { ProofBundle } from '@torii/schema/receipt'
import { carryForward } from '../proof-bundle/carry-forward.ts'
import { type ProofBundleReport, verifyProofBundle } from '../proof-bundle/verify-proof-bundle.ts'
import { type CliIo, userPath } from './io.ts'
import { parseWithFile, UsageError } from './usage.ts'

/** A C2SP verifier key's shape, to tell key text from a mistyped file name. */
const VERIFIER_KEY_SHAPE = /^[^+\s]+\+[0-9a-fA-F]{8}\+\S+$/

/**
 * The verifier key lines to trust, as `torii verify` takes them: each `--vkey` (key text, or a file of keys
 * one a line), else TORII_VKEY. Never the bundle's: a key from the file under test proves nothing.
 */
function verifierKeyLines(values: readonly string[] | undefined): string {
  const pinned = process.env.TORII_VKEY
  const given = values?.length ? values : pinned ? [pinned] : []
  if (!given.length) {
    throw new UsageError(
      '--vkey VKEY is required: the log verifier key from a source you trust (the key text, or a file of keys), or TORII_VKEY set to one'
    )
  }
  const lines = given.map((value) => {
    const file = userPath(value)
    if (existsSync(file)) return readFileSync(file, 'utf8')
    if (VERIFIER_KEY_SHAPE.test(value.trim())) return value
    throw new UsageError(`--vkey: no file at ${file}, and ${JSON.stringify(value)} is not a verifier key`)
  })
  return lines.join('\n')
}

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
  const keys = verifierKeyLines(values.vkey)
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
