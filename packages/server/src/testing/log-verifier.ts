// An independent verifier of Torii's log, written for the tests from the #16 contract, RFC 9162 and C2SP
// signed-note / tlog-checkpoint / tlog-tiles: node:crypto only, none of the server's or @torii/schema's code.
import { createHash, createPublicKey, verify } from 'node:crypto'

const sha256 = (...parts: (string | Uint8Array)[]) => {
  const h = createHash('sha256')
  for (const part of parts) h.update(part)
  return h.digest()
}
const leaf = (entry: Uint8Array) => sha256(Buffer.from([0]), entry)
const node = (left: Uint8Array, right: Uint8Array) => sha256(Buffer.from([1]), left, right)

/** RFC 8785 subset: keys sorted by UTF-16 code unit, no white space, undefined members dropped. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const object = value as Record<string, unknown>
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(object[key])}`).join(',')}}`
}

const KEPT = [
  'id',
  'siteId',
  'revision',
  'revisionHash',
  'action',
  'issuedAt',
  'country',
  'subdivision',
  'regionRule',
  'regionModel',
  'payloadDigest',
]
const PAYLOAD = [
  'consentId',
  'purposes',
  'vendors',
  'consentMode',
  'gpc',
  'language',
  'pageUrl',
  'clientTime',
  'privateDigest',
]
const pick = (receipt: Record<string, unknown>, names: string[]) =>
  Object.fromEntries(names.map((name) => [name, receipt[name]]))

/** The v1 entry recomputed from a receipt's public JSON; throws if its payload does not match payloadDigest. */
export function entryOfPublicReceipt(receipt: Record<string, unknown>): Buffer {
  if (receipt.leafVersion !== 1) throw new Error(`leafVersion ${receipt.leafVersion} is not 1`)
  if (receipt.erasedAt === null) {
    const digest = sha256(canonical(pick(receipt, PAYLOAD))).toString('hex')
    if (digest !== receipt.payloadDigest) throw new Error('the payload does not match payloadDigest')
  }
  return sha256('torii-receipt/v1\n', canonical(pick(receipt, KEPT)))
}

/** An erasure's entry. */
export const erasureEntry = (receiptId: string, erasedAt: string) =>
  sha256('torii-erasure/v1\n', canonical({ receiptId, erasedAt }))

/** RFC 9162 §2.1.3.2: the root an inclusion path leads to. */
export function rootFromInclusion(
  entry: Uint8Array,
  index: number,
  size: number,
  path: Uint8Array[]
): Buffer {
  if (index >= size) throw new Error('index outside the tree')
  let fn = index
  let sn = size - 1
  let r = leaf(entry)
  for (const p of path) {
    if (sn === 0) throw new Error('inclusion path too long')
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r)
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1
        sn >>= 1
      }
    } else r = node(r, p)
    fn >>= 1
    sn >>= 1
  }
  if (sn !== 0) throw new Error('inclusion path too short')
  return r
}

/** RFC 9162 §2.1.4.2: throws unless `proof` shows the tree (size2, root2) extends (size1, root1). */
export function verifyConsistencyProof(
  size1: number,
  size2: number,
  proof: Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array
): void {
  if (size1 === size2) {
    if (proof.length || !Buffer.from(root1).equals(Buffer.from(root2)))
      throw new Error('equal sizes, different roots')
    return
  }
  const path = [...proof]
  if ((size1 & (size1 - 1)) === 0) path.unshift(root1)
  let fn = size1 - 1
  let sn = size2 - 1
  while (fn & 1) {
    fn >>= 1
    sn >>= 1
  }
  let fr = Buffer.from(path[0]!)
  let sr = Buffer.from(path[0]!)
  for (const c of path.slice(1)) {
    if (sn === 0) throw new Error('consistency proof too long')
    if (fn & 1 || fn === sn) {
      fr = node(c, fr)
      sr = node(c, sr)
      while (!(fn & 1) && fn !== 0) {
        fn >>= 1
        sn >>= 1
      }
    } else sr = node(sr, c)
    fn >>= 1
    sn >>= 1
  }
  if (sn !== 0 || !fr.equals(Buffer.from(root1)) || !sr.equals(Buffer.from(root2)))
    throw new Error('consistency proof does not lead to both roots')
}

/** MTH (RFC 9162 §2.1.1) of leaf hashes. */
export function rootOfLeaves(leaves: Uint8Array[]): Buffer {
  if (leaves.length === 0) return sha256('')
  if (leaves.length === 1) return Buffer.from(leaves[0]!)
  let k = 1
  while (k * 2 < leaves.length) k *= 2
  return node(rootOfLeaves(leaves.slice(0, k)), rootOfLeaves(leaves.slice(k)))
}

export interface ParsedCheckpoint {
  origin: string
  size: number
  root: Buffer
}

/** Checks a signed note's Ed25519 signature by the vkey `name+hexid+base64(0x01||key)` and reads the checkpoint. */
export function verifySignedCheckpoint(note: string, vkey: string): ParsedCheckpoint {
  // name+hexid+base64: the base64 may itself hold "+".
  const [, name, idHex, keyB64] = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(vkey.trim()) ?? []
  if (!name || !idHex || !keyB64) throw new Error(`not a verifier key: ${vkey}`)
  const keyBytes = Buffer.from(keyB64, 'base64')
  if (keyBytes[0] !== 1 || keyBytes.length !== 33) throw new Error('not an Ed25519 verifier key')
  const publicKey = keyBytes.subarray(1)
  const keyId = sha256(name, '\n', Buffer.from([1]), publicKey).subarray(0, 4)
  if (keyId.toString('hex') !== idHex) throw new Error('verifier key id does not match its key')
  const split = note.lastIndexOf('\n\n')
  const text = note.slice(0, split + 1)
  const lines = note
    .slice(split + 2)
    .split('\n')
    .filter(Boolean)
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') },
    format: 'jwk',
  })
  const mine = lines
    .map((line) => /^\u2014 (\S+) (\S+)$/.exec(line))
    .filter((m) => m && m[1] === name && Buffer.from(m[2]!, 'base64').subarray(0, 4).equals(keyId))
  if (mine.length === 0) throw new Error('no signature by the given key')
  for (const m of mine)
    if (!verify(null, Buffer.from(text), key, Buffer.from(m![2]!, 'base64').subarray(4)))
      throw new Error('bad checkpoint signature')
  const [origin, size, root] = text.split('\n')
  if (origin !== name) throw new Error(`checkpoint origin ${origin} is not the key name ${name}`)
  return { origin: origin!, size: Number(size), root: Buffer.from(root!, 'base64') }
}

/** The hashes of a tile's bytes, 32 each. */
export const hashesOf = (bytes: Uint8Array) =>
  Array.from({ length: bytes.length / 32 }, (_, i) => Buffer.from(bytes.subarray(i * 32, i * 32 + 32)))

/** A tile index in tlog-tiles path form (1234067 → x001/x234/067). */
export function tileIndexPath(index: number): string {
  const digits = String(index).padStart(Math.ceil(String(index).length / 3) * 3, '0')
  const groups = digits.match(/.{3}/g)!
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/')
}

/**
 * The root of a log of `size` entries computed from its level-0 tiles fetched from `logUrl` (tile/0/N and
 * tile/0/N.p/W), checking each entry bundle's entries hash to the tile's leaves; also returns the leaves.
 */
export async function rootFromTiles(
  logUrl: string,
  size: number
): Promise<{ root: Buffer; leaves: Buffer[]; entries: Buffer[] }> {
  const leaves: Buffer[] = []
  const entries: Buffer[] = []
  for (let n = 0; n * 256 < size; n++) {
    const width = Math.min(256, size - n * 256)
    const suffix = width === 256 ? '' : `.p/${width}`
    const tile = await fetch(`${logUrl}tile/0/${tileIndexPath(n)}${suffix}`)
    if (tile.status !== 200) throw new Error(`tile 0/${n}: ${tile.status}`)
    const hashes = hashesOf(new Uint8Array(await tile.arrayBuffer()))
    const bundle = new Uint8Array(
      await (await fetch(`${logUrl}tile/entries/${tileIndexPath(n)}${suffix}`)).arrayBuffer()
    )
    if (hashes.length !== width || bundle.length !== 34 * width)
      throw new Error(`tile ${n} has the wrong width`)
    for (let i = 0; i < width; i++) {
      if (bundle[i * 34] !== 0 || bundle[i * 34 + 1] !== 32)
        throw new Error('entry bundle length prefix is not 32')
      const entry = Buffer.from(bundle.subarray(i * 34 + 2, i * 34 + 34))
      if (!leaf(entry).equals(hashes[i]!))
        throw new Error(`entry ${n * 256 + i} does not hash to its tile leaf`)
      entries.push(entry)
    }
    leaves.push(...hashes)
  }
  return { root: rootOfLeaves(leaves), leaves, entries }
}
