import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { gateModelOf, writeFakeBanner } from '../testing/test-app.ts'
import { createBannerReader, renderGate } from './bundles.ts'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('createBannerReader', () => {
  it("reads the gate of each region model the manifest names, and renders the model's gate", () => {
    dir = mkdtempSync(join(tmpdir(), 'torii-bundles-'))
    const banner = createBannerReader(writeFakeBanner(dir))()!
    for (const model of ['opt-in', 'opt-out', 'notice'] as const)
      expect(gateModelOf(renderGate(banner, [], model))).toBe(model)
    // Without a model: the gate of a site without regions.
    expect(gateModelOf(renderGate(banner, []))).toBe('opt-in')
  })

  it('gives every model the one gate of a build before regions (the opt-in gate asks first)', () => {
    dir = mkdtempSync(join(tmpdir(), 'torii-bundles-'))
    const dist = writeFakeBanner(dir)
    writeFileSync(
      join(dist, 'manifest.json'),
      JSON.stringify({ gate: 'gate.js', ui: 'assets/ui-t3st1234.js' })
    )
    const banner = createBannerReader(dist)()!
    expect(gateModelOf(renderGate(banner, [], 'opt-out'))).toBe('opt-in')
    expect(gateModelOf(renderGate(banner, [], 'notice'))).toBe('opt-in')
  })

  it('is not built while a named gate lacks the placeholder', () => {
    dir = mkdtempSync(join(tmpdir(), 'torii-bundles-'))
    const dist = writeFakeBanner(dir)
    writeFileSync(join(dist, 'gate-notice.js'), '(function(){})()\n')
    expect(createBannerReader(dist)()).toBeNull()
  })
})
