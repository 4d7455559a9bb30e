#!/usr/bin/env node
// The `torii` command: runs src/cli/main.ts from source through tsx (only `pnpm start` runs the build).
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../src/cli/main.ts')
process.exitCode = await runCli(process.argv.slice(2))
