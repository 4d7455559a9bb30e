import { RECEIPT_ACTIONS } from '@torii/schema'
import { describe, expect, it } from 'vitest'
import { contrastRatio } from '../../lib/contrast.ts'
import { ACTION_COLORS } from './index.tsx'

describe('ACTION_COLORS', () => {
  it('should give every receipt action its own colour, at least 3:1 against white', () => {
    const colors = RECEIPT_ACTIONS.map((action) => ACTION_COLORS[action])
    expect(new Set(colors).size).toBe(RECEIPT_ACTIONS.length)
    for (const color of colors) expect(contrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(3)
  })
})
