// The transparency-dev/merkle proof probes (testdata/inclusion, testdata/consistency), decoded.

import { decodeBase64 } from '../bytes.ts'
import vectors from './transparency-dev-proofs.json' with { type: 'json' }

interface RawProbe {
  file: string
  desc: string
  wantErr: boolean
  proof: string[] | null
}

/** One inclusion probe: inputs and whether verification must fail. */
export interface InclusionProbe {
  file: string
  leafIndex: number
  treeSize: number
  leafHash: Uint8Array
  root: Uint8Array
  proof: Uint8Array[]
  wantError: boolean
}

/** One consistency probe: inputs and whether verification must fail. */
export interface ConsistencyProbe {
  file: string
  size1: number
  size2: number
  root1: Uint8Array
  root2: Uint8Array
  proof: Uint8Array[]
  wantError: boolean
}

const bytes = (text: string) => decodeBase64(text, 'vector')
const hashes = (probe: RawProbe) => (probe.proof ?? []).map(bytes)

/** Where the probes come from. */
export const PROOF_VECTORS_SOURCE: string = vectors.source

/** The inclusion probes. */
export const INCLUSION_PROBES: InclusionProbe[] = vectors.inclusion.map((probe) => ({
  file: probe.file,
  leafIndex: probe.leafIdx,
  treeSize: probe.treeSize,
  leafHash: bytes(probe.leafHash),
  root: bytes(probe.root),
  proof: hashes(probe),
  wantError: probe.wantErr,
}))

/** The consistency probes. */
export const CONSISTENCY_PROBES: ConsistencyProbe[] = vectors.consistency.map((probe) => ({
  file: probe.file,
  size1: probe.size1,
  size2: probe.size2,
  root1: bytes(probe.root1),
  root2: bytes(probe.root2),
  proof: hashes(probe),
  wantError: probe.wantErr,
}))
