import { PassThrough, Readable } from 'node:stream'
import type { CliIo } from '../cli/io.ts'

/** A CLI's io for tests: lines written to `out` and `err`, bytes to `stdout`, and `stdinText` to read. */
export function captureIo(stdinText = '') {
  const out: string[] = []
  const err: string[] = []
  const stdout = new PassThrough()
  const chunks: Buffer[] = []
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    stdout,
    stdin: Readable.from([stdinText]),
  }
  return {
    io,
    out,
    err,
    stdoutText: () => Buffer.concat(chunks).toString(),
    /** Everything written to `out` and `err`, as lines. */
    text: () => [...out, ...err].join('\n'),
  }
}
