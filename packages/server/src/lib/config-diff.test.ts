import { describe, expect, it } from 'vitest'
import { diffConfigs } from './config-diff.ts'

describe('diffConfigs', () => {
  it('is empty for equal configs', () => {
    expect(diffConfigs({ a: [1, 2], b: { c: 'x' } }, { a: [1, 2], b: { c: 'x' } })).toEqual([])
  })

  it('addresses keyed items by key, not index, and notes a reorder', () => {
    const before = {
      vendors: [
        { key: 'ga', hosts: ['a.com'] },
        { key: 'ads', hosts: [] },
      ],
    }
    const after = {
      vendors: [
        { key: 'ads', hosts: [] },
        { key: 'ga', hosts: ['a.com', 'b.com'] },
        { key: 'yt', hosts: [] },
      ],
    }
    expect(diffConfigs(before, after)).toEqual([
      { path: 'vendors.ga.hosts', kind: 'changed', before: ['a.com'], after: ['a.com', 'b.com'] },
      { path: 'vendors.yt', kind: 'added', after: { key: 'yt', hosts: [] } },
      { path: 'vendors.(order)', kind: 'changed', before: ['ga', 'ads'], after: ['ads', 'ga'] },
    ])
  })

  it('reports added, removed and changed leaves by dotted path', () => {
    expect(
      diffConfigs({ texts: { ja: { title: 'A' } }, x: 1 }, { texts: { ja: { title: 'B' }, en: {} } })
    ).toEqual([
      { path: 'texts.ja.title', kind: 'changed', before: 'A', after: 'B' },
      { path: 'texts.en', kind: 'added', after: {} },
      { path: 'x', kind: 'removed', before: 1 },
    ])
  })
})
