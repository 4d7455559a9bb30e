import { createInterface } from 'node:readline'
import { MIN_PASSWORD_LENGTH } from '@torii/schema'
import { read } from 'read'
import type { CliIo } from './io.ts'
import { UsageError } from './usage.ts'

/** The environment variable a script can set the new password in. */
export const PASSWORD_ENV = 'TORII_ADMIN_PASSWORD'

/** The options of a command that takes a password (`--password` only to refuse it by name). */
export const PASSWORD_OPTIONS = {
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const

const WAYS = `run the command in a terminal to be asked for it, pipe it with --password-stdin, or set ${PASSWORD_ENV}`

async function firstLine(input: CliIo['stdin']): Promise<string> {
  const lines = createInterface({ input, terminal: false })
  for await (const line of lines) {
    lines.close()
    return line
  }
  return ''
}

/** Asks twice on the terminal, echoing nothing, so a typo is not saved as the password. */
async function prompt(io: CliIo): Promise<string> {
  const ask = (text: string) => read({ prompt: text, silent: true, input: io.stdin, output: process.stderr })
  const password = await ask('New password:')
  if ((await ask('Repeat it:')) !== password) throw new UsageError('the two passwords typed differ')
  return password
}

/**
 * The new password of a command: from the terminal without echo, from stdin (`--password-stdin`), or from
 * `TORII_ADMIN_PASSWORD`; never from the command line, where `ps` and the shell's history would show it.
 */
export async function readNewPassword(
  values: { password?: string; 'password-stdin'?: boolean },
  io: CliIo
): Promise<string> {
  if (values.password !== undefined) {
    throw new UsageError(
      `--password is refused: a password on the command line shows in ps and stays in the shell's history; ${WAYS}`
    )
  }
  let password: string
  let source: string
  if (values['password-stdin']) {
    password = await firstLine(io.stdin)
    source = 'from --password-stdin'
  } else if (process.env[PASSWORD_ENV] !== undefined) {
    password = process.env[PASSWORD_ENV]
    source = `from ${PASSWORD_ENV}`
  } else if (io.stdin.isTTY) {
    password = await prompt(io)
    source = 'typed'
  } else {
    throw new UsageError(`no password given and no terminal to ask on: ${WAYS}`)
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UsageError(`the password ${source} must be at least ${MIN_PASSWORD_LENGTH} characters`)
  }
  return password
}
