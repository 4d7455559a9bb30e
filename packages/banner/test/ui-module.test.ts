import { describe, expect, it } from 'vitest'
import type { FabModule, UiModule } from '../src/shared/contract.ts'
import * as fab from '../src/ui/fab.ts'
import * as ui from '../src/ui/index.ts'

describe('the UI chunk', () => {
  it('should export what the gate calls (checked by tsc: the gate imports it untyped at run time)', () => {
    const module: UiModule = ui
    expect(Object.keys(module).sort()).toEqual([
      '_close',
      '_decideGpc',
      '_decideKeys',
      '_flushReceipts',
      '_open',
      '_showPlaceholder',
    ])
  })

  it('should have the floating button chunk export what the gate calls (checked by tsc, as above)', () => {
    const module: FabModule = fab
    expect(typeof module._drawFab).toBe('function')
  })
})
