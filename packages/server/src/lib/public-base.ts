import { isIPv4 } from 'node:net'
import type { Context } from 'hono'

/** Loopback names and addresses: a server listening on one is reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '')
  if (name === 'localhost' || name === '::1' || name === '0:0:0:0:0:0:0:1') return true
  if (name.startsWith('::ffff:')) return isLoopbackHost(name.slice(7))
  return isIPv4(name) && name.startsWith('127.')
}

export interface PublicBaseOptions {
  /** TORII_PUBLIC_URL: when set, every link starts with it. */
  publicUrl?: string
  /** TORII_ALLOWED_HOSTS: Host headers (a name, or name:port) links may be built from, besides loopback. */
  allowedHosts?: readonly string[]
}

/** The base URL (`scheme://host[:port][/path]`, no trailing slash) of links handed out for a request. */
export type PublicBase = (c: Context) => string

/**
 * Where links the server hands out (receipt proof URLs, the admin's snippet, proof bundles' log URL) point:
 * `publicUrl`, else the request's own origin when its Host is a known one (loopback, or `allowedHosts`).
 * Any other Host header is a client's word (a forged one put `http://evil.example/…` in proof URLs): the
 * address the request reached is used instead, from the socket.
 */
export function createPublicBase({ publicUrl, allowedHosts = [] }: PublicBaseOptions): PublicBase {
  if (publicUrl) {
    const fixed = publicUrl.replace(/\/+$/, '')
    return () => fixed
  }
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()))
  return (c) => {
    const url = c.req.url
    const schemeEnd = url.indexOf('//') + 2
    const hostEnd = url.indexOf('/', schemeEnd)
    const host = url.slice(schemeEnd, hostEnd === -1 ? undefined : hostEnd).toLowerCase()
    const name = host.replace(/:\d+$/, '')
    if (isLoopbackHost(name) || allowed.has(host) || allowed.has(name))
      return hostEnd === -1 ? url : url.slice(0, hostEnd)
    return socketOrigin(c)
  }
}

/** `http://ADDRESS:PORT` the request reached, from the socket; `http://localhost` without one (app.request). */
function socketOrigin(c: Context): string {
  const socket = (c.env as { incoming?: { socket?: { localAddress?: string; localPort?: number } } })
    ?.incoming?.socket
  const address = socket?.localAddress?.replace(/^::ffff:/, '')
  if (!address || !socket?.localPort) return 'http://localhost'
  return `http://${address.includes(':') ? `[${address}]` : address}:${socket.localPort}`
}
