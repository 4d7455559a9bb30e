// `pnpm torii <command>`: verify the ledger, export receipts, create the first admin, manage the signing key,
// print the log's checkpoint, check a proof bundle, back up and restore the database, scan a site, pull and
// push a site's draft.
import { adminCommand } from './admin-command.ts'
import { backupCommand } from './backup-command.ts'
import { configCommand } from './config-command.ts'
import { exportCommand } from './export-command.ts'
import { type CliIo, processIo } from './io.ts'
import { keyCommand } from './key-command.ts'
import { logCommand } from './log-command.ts'
import { restoreCommand } from './restore-command.ts'
import { scanCommand } from './scan-command.ts'
import { USAGE, UsageError } from './usage.ts'
import { verifyCommand } from './verify-command.ts'
import { verifyProofCommand } from './verify-proof-command.ts'

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  verify: verifyCommand,
  export: exportCommand,
  admin: adminCommand,
  'verify-proof': verifyProofCommand,
  key: keyCommand,
  log: logCommand,
  backup: backupCommand,
  restore: restoreCommand,
  scan: scanCommand,
  config: configCommand,
}

/** Runs one CLI invocation and returns its exit code (0 ok, 1 failure, 2 bad arguments). */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...args] = argv
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE)
    return command ? 0 : 2
  }
  const run = COMMANDS[command]
  try {
    if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)}`)
    return await run(args, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`torii ${command}: ${error.message}\n\n${USAGE}`)
      return 2
    }
    io.err(`torii ${command}: ${(error as Error).message ?? String(error)}`)
    return 1
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/cli/main.ts')) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
