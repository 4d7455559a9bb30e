import { isIPv4 } from 'node:net'
import { ipv6Hextets } from '../lib/ip.ts'

/**
 * Networks that are nobody's location (IANA special-purpose registries, RFC 6890): private, loopback,
 * link-local, shared (CGN), documentation, benchmarking, multicast, reserved. The embedded data places some of
 * them anyway (`203.0.113.0/24` in AU, `2001:db8::/32` in JP, as registry records list them): never looked up.
 * Each as [its first parts (octets or hextets), prefix length]; checked by hand, as `net.BlockList` costs more
 * than the lookup itself.
 */
// biome-ignore format: a table
const NOT_A_PLACE_V4: [number[], number][] = [
  [[0], 8], [[10], 8], [[100, 64], 10], [[127], 8], [[169, 254], 16], [[172, 16], 12], [[192, 0, 0], 24],
  [[192, 0, 2], 24], [[192, 88, 99], 24], [[192, 168], 16], [[198, 18], 15], [[198, 51, 100], 24],
  [[203, 0, 113], 24], [[224], 4], [[240], 4],
]
// biome-ignore format: a table
const NOT_A_PLACE_V6: [number[], number][] = [
  [[0, 0, 0, 0, 0, 0, 0, 0], 127], [[0x100, 0, 0, 0], 64], [[0x2001], 23], [[0x2001, 0xdb8], 32],
  [[0x3fff], 20], [[0xfc00], 7], [[0xfe80], 10], [[0xff00], 8],
]

/** Whether `parts` (numbers of `width` bits each) start with the network's first `length` bits. */
function inNetwork(parts: number[], width: number, [network, length]: [number[], number]): boolean {
  for (let i = 0, left = length; left > 0; i++, left -= width) {
    const shift = Math.max(width - left, 0)
    if (parts[i]! >> shift !== (network[i] ?? 0) >> shift) return false
  }
  return true
}

/**
 * The address to look up: IPv4-mapped IPv6 (`::ffff:198.51.100.7`, what a dual-stack socket reports for an
 * IPv4 client) as IPv4, since the database keeps IPv4 apart and has no alias for the mapped range; zone ids
 * dropped. Null for anything that is not a public address.
 */
export function lookupAddress(address: string | null | undefined): string | null {
  const text = address?.trim().split('%')[0]
  if (!text) return null
  if (isIPv4(text)) {
    const octets = text.split('.').map(Number)
    return NOT_A_PLACE_V4.some((network) => inNetwork(octets, 8, network)) ? null : text
  }
  // The form a dual-stack socket reports, first: cheaper than taking the address apart.
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text)?.[1]
  if (dotted) return lookupAddress(dotted)
  const hextets = ipv6Hextets(text)
  if (!hextets) return null
  if (hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff) {
    const [high, low] = [hextets[6]!, hextets[7]!]
    return lookupAddress(`${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`)
  }
  return NOT_A_PLACE_V6.some((network) => inNetwork(hextets, 16, network)) ? null : text
}
