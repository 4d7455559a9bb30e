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

  it('lists region rules by key, also when a config gains or loses its rules', () => {
    const japan = { key: 'japan', match: ['JP'], model: 'notice' }
    const fallback = { key: 'default', match: ['*'], model: 'opt-in' }
    expect(diffConfigs({ purposes: [] }, { purposes: [], regions: [japan, fallback] })).toEqual([
      { path: 'regions.japan', kind: 'added', after: japan },
      { path: 'regions.default', kind: 'added', after: fallback },
    ])
    expect(
      diffConfigs(
        { regions: [japan, fallback] },
        { regions: [fallback, { ...japan, match: ['JP', 'KR'], optInPurposes: ['ads'] }] }
      )
    ).toEqual([
      { path: 'regions.japan.match', kind: 'changed', before: ['JP'], after: ['JP', 'KR'] },
      { path: 'regions.japan.optInPurposes', kind: 'added', after: ['ads'] },
      { path: 'regions.(order)', kind: 'changed', before: ['japan', 'default'], after: ['default', 'japan'] },
    ])
    expect(diffConfigs({ regions: [japan] }, {})).toEqual([
      { path: 'regions.japan', kind: 'removed', before: japan },
    ])
  })
})
