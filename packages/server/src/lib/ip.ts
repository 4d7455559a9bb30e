import { isIPv4, isIPv6 } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { nodeHeader } from './node-header.ts'

/** Expands an IPv6 address to its eight hextets (numbers), or null when it is not one. */
export function ipv6Hextets(address: string): number[] | null {
  if (!isIPv6(address)) return null
  let text = address.split('%')[0]!
  // A trailing dotted IPv4 part (`::ffff:1.2.3.4`) becomes two hextets.
  const v4 = text.match(/(\d+\.\d+\.\d+\.\d+)$/)
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number]
    text = `${text.slice(0, -v4[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const zeros = tail === undefined ? [] : new Array(8 - left.length - right.length).fill('0')
  return [...left, ...zeros, ...right].map((part) => Number.parseInt(part, 16))
}

/**
 * Truncates an IP address before it is stored: IPv4 to its /24, IPv6 to its /48 (REC-10), in CIDR
 * notation. IPv4-mapped IPv6 addresses count as IPv4. Anything else gives null: never store what we cannot cut.
 */
export function truncateIp(address: string | null | undefined): string | null {
  if (!address) return null
  const text = address.trim()
  if (isIPv4(text)) return `${text.slice(0, text.lastIndexOf('.'))}.0/24`
  const hextets = ipv6Hextets(text)
  if (!hextets) return null
  const mapped = hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff
  if (mapped) {
    const [hi, lo] = [hextets[6]!, hextets[7]!]
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.0/24`
  }
  return `${hextets
    .slice(0, 3)
    .map((h) => h.toString(16))
    .join(':')}::/48`
}

/**
 * The address of one `X-Forwarded-For` entry, or null. Some proxies (Azure Application Gateway, a few ingress
 * controllers) write it with the client's port, `203.0.113.7:51234` or `[2001:db8::1]:51234`: taken as
 * invalid, every visitor fell back to the proxy's own address, one rate-limit bucket and one IP for all.
 */
export function forwardedAddress(entry: string | undefined): string | null {
  const text = entry?.trim()
  if (!text) return null
  if (isIPv4(text) || isIPv6(text)) return text
  const address = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text)?.[1] ?? /^([\d.]+):\d{1,5}$/.exec(text)?.[1]
  if (address && (isIPv4(address) || isIPv6(address))) return address
  return null
}

/**
 * The client's address: the socket's, or, behind a trusted proxy (`TORII_TRUST_PROXY=1`), the last
 * `X-Forwarded-For` entry (the one our proxy appended; earlier ones are client-supplied).
 */
export function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    // As Node parsed it (repeated headers joined with ", "): Hono's c.req.header() checks it again.
    const last = forwardedAddress(nodeHeader(c, 'x-forwarded-for')?.split(',').at(-1))
    if (last) return last
  }
  // The socket's address directly on Node (what getConnInfo reads, without the objects it builds).
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
    ?.socket
  if (socket) return socket.remoteAddress ?? null
  try {
    return getConnInfo(c).remote.address ?? null
  } catch {
    // `app.request()` in tests and non-Node runtimes have no socket.
    return null
  }
}
