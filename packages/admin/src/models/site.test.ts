import { afterEach, describe, expect, it, vi } from 'vitest'
import { demoConfig } from '../../test/fixtures.ts'
import { draftGuard } from './draft-guard.ts'
import { siteModel } from './site.ts'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

function serve(handler: (method: string, url: string, body: unknown) => Response) {
  const calls: { method: string; url: string }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ method: init.method ?? 'GET', url })
      return handler(init.method ?? 'GET', url, init.body ? JSON.parse(String(init.body)) : undefined)
    })
  )
  return calls
}

const detail = () => ({
  site: { id: 'xtra', name: 'Xtra', origins: [], languages: ['ja', 'en'], createdAt: '', liveRevision: 1 },
  draft: demoConfig(),
  draftUpdatedAt: '2026-11-25T00:00:00Z',
  live: null,
  unpublished: false,
  snippet: '<script src="/s/xtra/gate.js"></script>',
})

describe('siteModel', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('should track unsaved changes and not send an invalid draft', async () => {
    const calls = serve(() => json(200, detail()))
    await siteModel.load('xtra', true)
    expect(siteModel.dirty.value).toBe(false)
    siteModel.edit((config) => ({
      ...config,
      purposes: config.purposes.map((p, i) => (i === 1 ? { ...p, key: 'Bad Key' } : p)),
    }))
    expect(siteModel.dirty.value).toBe(true)
    expect(draftGuard()?.isDirty()).toBe(true)
    expect(await siteModel.save()).toBe('invalid')
    expect(siteModel.errors.value['purposes.1.key']).toMatch(/lower-case/)
    expect(calls.filter((call) => call.method === 'PUT')).toHaveLength(0)
    siteModel.discard()
    expect(siteModel.dirty.value).toBe(false)
    expect(siteModel.draft.value?.purposes[1]?.key).toBe('analytics')
  })

  it('should show the server’s field errors at their fields and keep the changes', async () => {
    serve((method) =>
      method === 'PUT'
        ? json(400, {
            error: {
              code: 'invalid_config',
              message: 'The draft is not valid',
              fields: [{ path: 'vendors.0.hosts.0', message: 'host not allowed' }],
            },
          })
        : json(200, detail())
    )
    await siteModel.load('xtra', true)
    siteModel.edit((config) => ({ ...config, defaultLanguage: 'en' }))
    expect(await siteModel.save()).toBe('failed')
    expect(siteModel.errors.value['vendors.0.hosts.0']).toBe('host not allowed')
    expect(siteModel.saveError.value).toBe('The draft is not valid')
    expect(siteModel.dirty.value).toBe(true)
  })

  it('should adopt the stored draft after a save', async () => {
    serve((method, _url, body) =>
      method === 'PUT' ? json(200, { draft: body, updatedAt: '2026-11-25T01:00:00Z' }) : json(200, detail())
    )
    await siteModel.load('xtra', true)
    siteModel.edit((config) => ({ ...config, defaultLanguage: 'en' }))
    expect(await siteModel.save()).toBe('saved')
    expect(siteModel.dirty.value).toBe(false)
    expect(siteModel.draft.value?.defaultLanguage).toBe('en')
  })
})
