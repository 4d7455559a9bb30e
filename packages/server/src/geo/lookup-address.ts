import { BlockList, isIPv4, isIPv6 } from 'node:net'

/**
 * Addresses that are nobody's location (IANA special-purpose registries, RFC 6890): private, loopback,
 * link-local, shared (CGN), documentation, benchmarking, multicast, reserved. The embedded data places some of
 * them anyway (`203.0.113.0/24` in AU, `2001:db8::/32` in JP, as registry records list them): never looked up.
 */
const NOT_A_PLACE = new BlockList()
// biome-ignore format: a table
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  NOT_A_PLACE.addSubnet(network, prefix, 'ipv4')
}
// biome-ignore format: a table
for (const [network, prefix] of [
  ['::', 127], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['3fff::', 20], ['fc00::', 7],
  ['fe80::', 10], ['ff00::', 8],
] as const) {
  NOT_A_PLACE.addSubnet(network, prefix, 'ipv6')
}

/**
 * The address to look up: IPv4-mapped IPv6 (`::ffff:198.51.100.7`, what a dual-stack socket reports for an
 * IPv4 client) as IPv4, since the database keeps IPv4 apart and has no alias for the mapped range; zone ids
 * dropped. Null for anything that is not a public address.
 */
export function lookupAddress(address: string | null | undefined): string | null {
  const text = address?.trim().split('%')[0]
  if (!text) return null
  if (isIPv4(text)) return NOT_A_PLACE.check(text, 'ipv4') ? null : text
  if (!isIPv6(text)) return null
  // The URL parser writes every IPv6 form the same way: `::ffff:cb00:7107` for a mapped address.
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1)
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical)
  if (!mapped) return NOT_A_PLACE.check(canonical, 'ipv6') ? null : canonical
  const [high, low] = [Number.parseInt(mapped[1]!, 16), Number.parseInt(mapped[2]!, 16)]
  return lookupAddress(`${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`)
}
