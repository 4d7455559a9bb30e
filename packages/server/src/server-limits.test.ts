import { mkdtempSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type RunningServer, type StartServerOptions, startServer } from './index.ts'
import { DEFAULT_SERVER_LIMITS, httpServerOptions } from './lib/server-limits.ts'
import { writeFakeBanner } from './testing/test-app.ts'

let dir: string
let server: RunningServer | null
const sockets: Socket[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'torii-limits-'))
  server = null
})
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

async function start(options: StartServerOptions): Promise<RunningServer> {
  server = await startServer({
    port: 0,
    dbUrl: `file:${join(dir, 'torii.db')}`,
    bannerDist: writeFakeBanner(dir),
    quiet: true,
    ...options,
  })
  return server
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.once('error', reject)
    sockets.push(socket)
  })
}

/** Resolves with what the server sent once it closed the socket. */
function closed(socket: Socket): Promise<string> {
  let received = ''
  socket.on('data', (chunk) => {
    received += chunk
  })
  socket.on('error', () => {})
  return new Promise((resolve) => socket.once('close', () => resolve(received)))
}

describe('timeouts and the connection cap', () => {
  it('closes a slow-loris socket (headers trickled) once the header timeout has passed', {
    timeout: 20_000,
  }, async () => {
    const { port } = await start({ limits: { headersTimeoutMs: 600, requestTimeoutMs: 1_000 } })
    const socket = await open(port)
    const startedAt = Date.now()
    const done = closed(socket)
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    // One more header line every 100 ms, never the blank line that ends them: each byte is within any idle timeout.
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write(`X-Slow-${Date.now()}: 1\r\n`)
    }, 100)
    try {
      const answer = await done
      expect(answer).toMatch(/^HTTP\/1\.1 408 /)
      // Node checks the timeouts on an interval: at most a second past the header timeout.
      expect(Date.now() - startedAt).toBeLessThan(3_000)
    } finally {
      clearInterval(trickle)
    }
  })

  it('refuses connections past the cap', { timeout: 20_000 }, async () => {
    const { port } = await start({ limits: { maxConnections: 2 } })
    await open(port)
    await open(port)
    const third = await open(port)
    await closed(third)
    const health = await fetch(`http://127.0.0.1:${port}/healthz`).catch((error: Error) => error)
    expect(health).toBeInstanceOf(Error)
  })

  it('sets each of Node’s timeouts deliberately, and checks them often enough to hold them', () => {
    expect(DEFAULT_SERVER_LIMITS).toEqual({
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 4096,
    })
    expect(httpServerOptions(DEFAULT_SERVER_LIMITS)).toEqual({
      requestTimeout: 30_000,
      headersTimeout: 10_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1_000,
    })
  })
})
