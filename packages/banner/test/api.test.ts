import { beforeAll, describe, expect, it, vi } from 'vitest'

type Api = {
  on(type: string, fn: (detail: unknown) => void): () => void
  push(item: unknown): void
  get(): unknown
  ready: Promise<unknown>
}
const api = () => (window as unknown as { torii: Api }).torii

describe('the JS API of the gate', () => {
  beforeAll(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    ;(window as unknown as { torii: unknown[] }).torii = [['on', 'change', () => {}]]
    await import('../src/gate/index.ts') // boots with no inlined config: warns, never throws
  })

  it('should replace the queue with the API and resolve ready with the choice (none yet)', async () => {
    expect(typeof api().on).toBe('function')
    await expect(api().ready).resolves.toBeNull()
  })

  it('should call on("change") listeners with the detail of torii:change until unsubscribed', () => {
    const seen: unknown[] = []
    const off = api().on('change', (detail) => seen.push(detail))
    dispatchEvent(new CustomEvent('torii:change', { detail: { revision: 1 } }))
    off()
    dispatchEvent(new CustomEvent('torii:change', { detail: { revision: 2 } }))
    expect(seen).toEqual([{ revision: 1 }])
  })

  it('should log a listener that throws instead of throwing into the page', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    api().on('change', () => {
      throw new Error('page bug')
    })
    expect(() => dispatchEvent(new CustomEvent('torii:change', { detail: null }))).not.toThrow()
    expect(warn).toHaveBeenCalledWith('[torii] Error: page bug')
  })
})
