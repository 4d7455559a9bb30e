// Runs the static page's own script (tools/verify-proof.html) in a Node VM, with WebCrypto but no DOM, so
// its verifier is tested with the same bundles and tampers as the CLI's.

import { readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { VERIFY_PAGE_FILE } from '../../routes/public/verify-page.ts'
import type { ProofBundleReport } from '../verify-proof-bundle.ts'

type Bytes = Uint8Array
/** The page's functions the tests call. */
export interface PageVerifier {
  verifyBundle(bundle: unknown, vkey: string): Promise<Pick<ProofBundleReport, 'ok' | 'checks'>>
  carryForward(
    bundle: unknown,
    vkey: string,
    fetchImpl: typeof fetch
  ): Promise<{ report: Pick<ProofBundleReport, 'ok' | 'checks'>; bundle: unknown }>
  parseVerifierKeys(text: string): Promise<{ name: string; id: string; publicKey: Bytes }[]>
  verifySignedNote(note: string, keys: unknown[], what: string): Promise<{ text: string }>
  verifyInclusion(leafHash: Bytes, index: number, size: number, path: Bytes[], root: Bytes): Promise<void>
  verifyConsistency(size1: number, size2: number, proof: Bytes[], root1: Bytes, root2: Bytes): Promise<void>
}

/** The page's script, evaluated in a fresh context. */
export function loadPageVerifier(): PageVerifier {
  const html = readFileSync(VERIFY_PAGE_FILE, 'utf8')
  const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1]
  if (!script) throw new Error(`no <script> in ${VERIFY_PAGE_FILE.pathname}`)
  const context: Record<string, unknown> = { crypto, TextEncoder, URL, atob, btoa, Uint8Array, Array }
  runInNewContext(script, context)
  return context as unknown as PageVerifier
}
