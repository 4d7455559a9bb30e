// Runs the `torii` command as bin/torii.mjs does, then prints its peak RSS on the last line of stderr: the
// verify benchmark's measure where /usr/bin/time is not installed.
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../src/cli/main.ts')
process.exitCode = await runCli(process.argv.slice(2))
process.stderr.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`)
