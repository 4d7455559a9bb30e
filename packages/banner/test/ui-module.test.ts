import { describe, expect, it } from 'vitest'
import type { UiModule } from '../src/gate/types.ts'
import * as ui from '../src/ui/index.ts'

describe('the UI chunk', () => {
  it('should export what the gate calls (checked by tsc: the gate imports it untyped at run time)', () => {
    const module: UiModule = ui
    expect(Object.keys(module).sort()).toEqual(['c', 'f', 'g', 'k', 'o', 'p'])
  })
})
