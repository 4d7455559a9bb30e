import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url))

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** Everything the process wrote, for failure messages. */
  output(): string
  /** Resolves once the process has exited. */
  exited: Promise<number | null>
}

/** From source: `src/main.ts` through tsx's loader. */
const FROM_SOURCE = ['--import', 'tsx', 'src/main.ts']

/**
 * Starts the real server (by default `src/main.ts` through tsx's loader; `args` are Node's arguments
 * otherwise) on a random port and waits for the URL it prints. Node itself is the child (`node --import
 * tsx`, not the tsx CLI, which forks again), so a kill -9 really kills the server.
 */
export function spawnServer(
  env: Record<string, string>,
  timeoutMs = 30_000,
  args = FROM_SOURCE
): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TORII_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${output.slice(-4000)}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      const text = chunk.toString()
      output += text
      // Only the new text (and the line it may finish) is searched: a chatty server writes megabytes.
      const match = /Torii is running at (http:\/\/[^\s"]+)/.exec(output.slice(-(text.length + 200)))
      if (match) {
        clearTimeout(timer)
        resolve({ url: match[1]!, child, output: () => output, exited })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before starting:\n${output.slice(-4000)}`))
    })
  })
}

/** A valid receipt body for the demo site's revision 1, from a page of `origin` (the server's own). */
export function receiptBody(n: number, origin: string): string {
  return JSON.stringify({
    consentId: `crash-${String(n).padStart(12, '0')}`,
    revision: 1,
    action: n % 3 === 0 ? 'reject-all' : 'accept-all',
    purposes: { analytics: n % 3 !== 0, advertising: n % 3 !== 0 },
    vendors: {},
    consentMode: { analytics_storage: n % 3 === 0 ? 'denied' : 'granted' },
    gpc: false,
    language: 'ja',
    pageUrl: `${origin}/page?x=1`,
    clientTime: new Date().toISOString(),
  })
}

/**
 * Runs the real server (`src/main.ts` through tsx's loader) with only `env` (and PATH) until it exits by
 * itself, as bad input must make it: its exit code and what it wrote.
 */
export function runServerToExit(
  env: Record<string, string>
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, FROM_SOURCE, {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk
  })
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}
