import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

/** The CDN-like VCL the cache runs (its backend is put before it). */
const VCL_FILE = new URL('./shared-cache.vcl', import.meta.url)
/** Debian's `varnish` package; CI installs it (`.ci/run`). */
const VARNISHD = 'varnishd'
/** A client address for requests that do not say whose they are (TEST-NET-2, no country). */
const DEFAULT_CLIENT_IP = '198.51.100.7'

export interface SharedCacheOptions {
  /** The origin, `http://127.0.0.1:PORT`. */
  origin: string
  timeoutMs?: number
  /** The VCL to run (default shared-cache.vcl, a standard CDN's behaviour). */
  vcl?: URL
}

export interface CacheRequestOptions {
  headers?: Record<string, string>
  /** The visitor's address as the cache sees it (sent with the PROXY protocol). */
  clientIp?: string
}

export interface CachedResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  /** Whether the cache answered from a stored object (`X-Varnish` carries this and the stored request's id). */
  hit: boolean
}

export interface SharedCache {
  /** `127.0.0.1:PORT` the cache listens on (PROXY protocol v1). */
  address: string
  /** A GET through the cache, as from `clientIp`. */
  get(path: string, options?: CacheRequestOptions): Promise<CachedResponse>
  /** Everything varnishd wrote, for failure messages. */
  output(): string
  close(): Promise<void>
}

/**
 * Starts Varnish (`varnishd -F`) in front of `origin` with `shared-cache.vcl` (or `vcl`), listening on a free port with the
 * PROXY protocol, so each request can come from its own client address: Varnish then appends that address to
 * `X-Forwarded-For` as a CDN's edge does. Resolves once the child process says it is up.
 */
export async function startSharedCache({
  origin,
  timeoutMs = 30_000,
  vcl: vclFile = VCL_FILE,
}: SharedCacheOptions): Promise<SharedCache> {
  const backend = new URL(origin)
  const dir = mkdtempSync(join(tmpdir(), 'torii-varnish-'))
  // varnishd run as root drops to its own user (its default `-j unix` jail), which must read the VCL.
  chmodSync(dir, 0o755)
  const vclPath = join(dir, 'cache.vcl')
  const vcl = readFileSync(vclFile, 'utf8').replace(
    /^vcl 4\.1;\n/,
    `vcl 4.1;\nbackend origin { .host = "${backend.hostname}"; .port = "${backend.port}"; }\n`
  )
  writeFileSync(vclPath, vcl)
  const workDir = join(dir, 'varnish')
  const child = spawn(
    VARNISHD,
    ['-F', '-n', workDir, '-f', vclPath, '-a', '127.0.0.1:0,PROXY', '-s', 'malloc,32m'],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  try {
    await launched(
      child,
      () => output,
      (text) => (output += text),
      timeoutMs
    )
  } catch (error) {
    child.kill('SIGKILL')
    await exited
    remove()
    throw error
  }
  const address = await listenAddress(workDir)
  return {
    address,
    get: (path, options) => getThrough(address, path, options),
    output: () => output,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
      remove()
    },
  }
}

/** Waits for varnishd's "Child launched OK" (it has compiled the VCL and its child accepts connections). */
function launched(
  child: ChildProcess,
  output: () => string,
  append: (text: string) => void,
  timeoutMs: number
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`varnishd did not start in ${timeoutMs} ms:\n${output()}`)),
      timeoutMs
    )
    const onData = (chunk: Buffer) => {
      append(chunk.toString())
      if (output().includes('Child launched OK')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('error', (error) => {
      clearTimeout(timer)
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
      reject(missing ? new Error(`${VARNISHD} is not installed: apt-get install -y varnish`) : error)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`varnishd exited with ${code} before starting:\n${output()}`))
    })
  })
}

/** The port Varnish bound for `-a 127.0.0.1:0`, asked through its admin CLI (`debug.listen_address`). */
async function listenAddress(workDir: string): Promise<string> {
  const { stdout } = await promisify(execFile)('varnishadm', ['-n', workDir, 'debug.listen_address'])
  const match = /^\S+ (\S+) (\d+)$/m.exec(stdout)
  if (!match) throw new Error(`no listen address in varnishadm's answer: ${stdout}`)
  return `${match[1]}:${match[2]}`
}

function getThrough(
  address: string,
  path: string,
  options: CacheRequestOptions = {}
): Promise<CachedResponse> {
  const [host, port] = address.split(':') as [string, string]
  const clientIp = options.clientIp ?? DEFAULT_CLIENT_IP
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        port: Number(port),
        path,
        headers: options.headers,
        // PROXY protocol v1: the address Varnish takes as the client's (client.ip).
        createConnection: () => {
          const socket = connect(Number(port), host)
          socket.write(`PROXY TCP4 ${clientIp} ${host} 50000 ${port}\r\n`)
          return socket
        },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => {
          const ids = String(res.headers['x-varnish'] ?? '').split(' ')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, hit: ids.length === 2 })
        })
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end()
  })
}
