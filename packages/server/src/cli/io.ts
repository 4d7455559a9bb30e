import { resolve } from 'node:path'

/** Where a command writes: lines to stdout / stderr, and the raw stdout stream for exports. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
  stdout: NodeJS.WritableStream
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stdout: process.stdout,
  stdin: process.stdin,
}

/** A path the user typed, resolved against the folder they ran `pnpm torii` in (pnpm runs scripts elsewhere). */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path)
}

/** A `file:` URL the user typed, with a relative path resolved like `userPath`. */
export function userDbUrl(url: string): string {
  if (!url.startsWith('file:') || url.startsWith('file:/')) return url
  return `file:${userPath(url.slice('file:'.length))}`
}
