import { describe, expect, it } from 'vitest'
import type { FabModule, UiModule } from '../src/gate/types.ts'
import * as fab from '../src/ui/fab.ts'
import * as ui from '../src/ui/index.ts'

describe('the UI chunk', () => {
  it('should export what the gate calls (checked by tsc: the gate imports it untyped at run time)', () => {
    const module: UiModule = ui
    expect(Object.keys(module).sort()).toEqual(['c', 'f', 'g', 'k', 'o', 'p'])
  })

  it('should have the floating button chunk export what the gate calls (checked by tsc, as above)', () => {
    const module: FabModule = fab
    expect(typeof module.f).toBe('function')
  })
})
