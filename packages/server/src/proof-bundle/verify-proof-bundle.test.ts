import { describe, expect, it } from 'vitest'
import { ERASED_PAYLOAD } from './receipt-commitment.ts'
import { loadPageVerifier } from './test-support/page-verifier.ts'
import { TAMPERS } from './test-support/tampers.ts'
import { createVectorBundle } from './test-support/vector-bundle.ts'
import { type ProofBundleReport, verifyProofBundle } from './verify-proof-bundle.ts'

type Verify = (bundle: unknown, vkey: string) => Promise<Pick<ProofBundleReport, 'ok' | 'checks'>>

// The same bundles and the same tampers through both verifiers: the CLI's (on @torii/schema/log) and the
// static page's own script.
const VERIFIERS: [string, Verify][] = [
  ['torii verify-proof', verifyProofBundle],
  ['tools/verify-proof.html', (bundle, vkey) => loadPageVerifier().verifyBundle(bundle, vkey)],
]

const failure = (report: Pick<ProofBundleReport, 'ok' | 'checks'>) => report.checks.find((check) => !check.ok)

describe.each(VERIFIERS)('%s', (_, verify) => {
  it('verifies a bundle built from the RFC 6962 leaves and the Go test key, carried twice', async () => {
    const { bundle, log } = await createVectorBundle()
    const report = await verify(bundle, log.vkey)
    expect(failure(report)).toBeUndefined()
    expect(report.ok).toBe(true)
    expect(report.checks.map((check) => check.step)).toEqual([
      'verifier key',
      'payload',
      'entry',
      'signature',
      'origin',
      'inclusion',
      ...['signature', 'origin', 'consistency', 'signature', 'origin', 'consistency'],
    ])
  })

  it('verifies it without carried checkpoints, and with a key listed after a rotated one', async () => {
    const { bundle, log } = await createVectorBundle()
    const { carried: _, ...uncarried } = bundle
    const rotated = 'consent.example/log+5a2c0b5e+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k'
    const withRotated = await verify(uncarried, `${log.vkey}\n`)
    expect(withRotated.ok).toBe(true)
    // A wrongly spelled second line is still refused: each key given must be a key.
    expect(failure(await verify(uncarried, `${log.vkey}\n${rotated}`))?.step).toMatch(/key/)
  })

  it('verifies an erased receipt from its kept members and payloadDigest', async () => {
    const { bundle, log } = await createVectorBundle()
    const receipt = bundle.receipt as unknown as Record<string, unknown>
    Object.assign(receipt, { ...ERASED_PAYLOAD, erasedAt: '2026-12-07T00:00:00.000Z' })
    const report = await verify(bundle, log.vkey)
    expect(report.ok).toBe(true)
    expect(report.checks[1].detail).toMatch(/erased at/)
  })

  it.each(TAMPERS.map((tamper) => [tamper.name, tamper] as const))('refuses %s', async (_, tamper) => {
    const { bundle, log } = await createVectorBundle()
    const broken = await tamper.apply(bundle, log)
    const report = await verify(broken.bundle, broken.vkey ?? log.vkey)
    expect(report.ok).toBe(false)
    expect(failure(report)?.step).toBe(tamper.step)
    expect(report.checks.at(-1)?.ok).toBe(false)
  })
})
