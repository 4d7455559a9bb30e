import { readFileSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { type ConfigChange, siteConfigSchema } from '@torii/schema'
import { diffConfigs } from '../lib/config-diff.ts'
import { type ConfigTarget, createDbTarget, createUrlTarget } from './config-target.ts'
import { type CliIo, userPath } from './io.ts'
import { parse, parseWithFile, UsageError } from './usage.ts'

const TARGET_OPTIONS = {
  site: { type: 'string' },
  db: { type: 'string' },
  url: { type: 'string' },
} as const

function openTarget(values: {
  site?: string
  db?: string
  url?: string
}): ConfigTarget | Promise<ConfigTarget> {
  if (!values.site) throw new UsageError('--site is required')
  if (values.db && values.url) throw new UsageError('give --db or --url, not both')
  return values.url
    ? createUrlTarget(values.url, values.site, process.env.TORII_API_TOKEN)
    : createDbTarget(values.db, values.site)
}

function describeChange(change: ConfigChange): string {
  const show = (value: unknown) => JSON.stringify(value)
  if (change.kind === 'added') return `+ ${change.path}: ${show(change.after)}`
  if (change.kind === 'removed') return `- ${change.path}: ${show(change.before)}`
  return `~ ${change.path}: ${show(change.before)} → ${show(change.after)}`
}

async function confirm(io: CliIo, question: string): Promise<boolean> {
  io.err(`${question} [y/N]`)
  const lines = createInterface({ input: io.stdin, terminal: false })
  for await (const line of lines) {
    lines.close()
    return /^y(es)?$/i.test(line.trim())
  }
  return false
}

async function pull(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { ...TARGET_OPTIONS, out: { type: 'string' } })
  const target = await openTarget(values)
  try {
    const text = `${JSON.stringify(await target.pull(), null, 2)}\n`
    if (values.out) writeFileSync(userPath(values.out), text)
    else io.stdout.write(text)
    return 0
  } finally {
    await target.close()
  }
}

async function push(args: string[], io: CliIo): Promise<number> {
  const { values, file } = parseWithFile(args, {
    ...TARGET_OPTIONS,
    yes: { type: 'boolean' },
    publish: { type: 'boolean' },
    note: { type: 'string' },
  })
  let input: unknown
  try {
    input = JSON.parse(readFileSync(userPath(file!), 'utf8'))
  } catch (error) {
    io.err(`config push: cannot read ${file} as JSON: ${(error as Error).message}`)
    return 1
  }
  const parsed = siteConfigSchema.safeParse(input)
  if (!parsed.success) {
    io.err(`config push: ${file} is not a valid site config:`)
    for (const issue of parsed.error.issues) io.err(`  ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    return 1
  }
  const target = await openTarget(values)
  try {
    const changes = diffConfigs(await target.pull(), parsed.data)
    if (changes.length === 0) io.out(`no changes to the draft of site "${values.site}"`)
    else {
      io.out(`${changes.length} change(s) to the draft of site "${values.site}":`)
      for (const change of changes) io.out(describeChange(change))
      if (!values.yes && !(await confirm(io, 'Save this as the draft?'))) {
        io.err('config push: not saved')
        return 1
      }
      await target.push(parsed.data, changes.length)
      io.out('saved as the draft')
    }
    if (values.publish) {
      const revision = await target.publish(values.note ?? null)
      io.out(revision === null ? 'already live: nothing to publish' : `published revision ${revision}`)
    }
    return 0
  } finally {
    await target.close()
  }
}

/** `torii config pull|push --site ID`: one site's draft as JSON, for config kept in version control. */
export async function configCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub === 'pull') return pull(rest, io)
  if (sub === 'push') return push(rest, io)
  throw new UsageError(`config: unknown subcommand ${JSON.stringify(sub ?? '')} (expected pull or push)`)
}
