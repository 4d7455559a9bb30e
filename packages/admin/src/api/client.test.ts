import { CSRF_HEADER } from '@torii/schema/admin-api'
import { describe, expect, it, vi } from 'vitest'
import { createAdminApi } from './admin-api.ts'
import { ApiRequestError, errorFromResponse, toFieldErrors } from './api-request-error.ts'
import { createApiClient } from './client.ts'

type Call = { url: string; init: RequestInit }

function fakeFetch(responses: (Response | Error)[]) {
  const calls: Call[] = []
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    const next = responses.shift()
    if (!next) throw new Error('no more responses')
    if (next instanceof Error) throw next
    return next
  }) as unknown as typeof fetch
  return { fn, calls }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('toFieldErrors', () => {
  it('should key messages by dotted path, first one winning', () => {
    expect(
      toFieldErrors([
        { path: 'purposes.0.name.ja', message: 'is required' },
        { path: 'purposes.0.name.ja', message: 'second' },
        { path: 'vendors.1.hosts.0', message: 'bad host' },
      ])
    ).toEqual({ 'purposes.0.name.ja': 'is required', 'vendors.1.hosts.0': 'bad host' })
    expect(toFieldErrors(undefined)).toEqual({})
  })
})

describe('errorFromResponse', () => {
  it('should keep the server code and message', () => {
    const error = errorFromResponse(409, { error: { code: 'conflict', message: 'Site id taken' } })
    expect(error).toBeInstanceOf(ApiRequestError)
    expect([error.status, error.code, error.message, error.fields]).toEqual([
      409,
      'conflict',
      'Site id taken',
      {},
    ])
  })

  it('should name the status when the body is not an ApiError', () => {
    const error = errorFromResponse(502, '<html>Bad gateway</html>')
    expect([error.code, error.message]).toEqual(['http_502', 'The server answered 502'])
  })
})

describe('createApiClient', () => {
  it('should map a 400 with fields into field errors', async () => {
    const { fn } = fakeFetch([
      json(400, {
        error: {
          code: 'invalid_config',
          message: 'The draft is not valid',
          fields: [{ path: 'vendors.0.privacyPolicyUrl', message: 'must be an http(s) URL' }],
        },
      }),
    ])
    const api = createAdminApi(createApiClient({ fetch: fn }))
    const error = await api.saveDraft('xtra', {} as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiRequestError)
    expect((error as ApiRequestError).fields).toEqual({
      'vendors.0.privacyPolicyUrl': 'must be an http(s) URL',
    })
    expect((error as ApiRequestError).code).toBe('invalid_config')
  })

  it('should send the CSRF token from the session on writes only', async () => {
    const session = { user: { email: 'a@example.com', role: 'admin', createdAt: '' }, csrfToken: 'tok-123' }
    const { fn, calls } = fakeFetch([json(200, session), json(200, { sites: [] }), json(201, { site: {} })])
    const api = createAdminApi(createApiClient({ fetch: fn }))
    await api.login({ email: 'a@example.com', password: 'pw' })
    await api.listSites()
    await api.createSite({ name: 'A', origins: [], languages: ['ja'] })
    const headers = calls.map((call) => (call.init.headers as Record<string, string>)[CSRF_HEADER])
    expect(headers).toEqual([undefined, undefined, 'tok-123'])
    expect(calls[2]?.url).toBe('/api/admin/sites')
    expect(calls[2]?.init.method).toBe('POST')
    expect(JSON.parse(String(calls[2]?.init.body))).toEqual({ name: 'A', origins: [], languages: ['ja'] })
  })

  it('should report a network failure as code "network"', async () => {
    const { fn } = fakeFetch([new TypeError('Failed to fetch')])
    const api = createAdminApi(createApiClient({ fetch: fn }))
    const error = (await api.listSites().catch((e: unknown) => e)) as ApiRequestError
    expect([error.status, error.code, error.message]).toEqual([0, 'network', 'Failed to fetch'])
  })

  it('should call onUnauthorized on a 401', async () => {
    const onUnauthorized = vi.fn()
    const { fn } = fakeFetch([json(401, { error: { code: 'unauthorized', message: 'Log in' } })])
    const api = createAdminApi(createApiClient({ fetch: fn, onUnauthorized }))
    await expect(api.session()).rejects.toMatchObject({ status: 401, code: 'unauthorized' })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('should build receipt queries and export links without empty values', async () => {
    const { fn, calls } = fakeFetch([json(200, { receipts: [], nextCursor: null })])
    const api = createAdminApi(createApiClient({ fetch: fn }))
    await api.listReceipts('xtra', {
      action: 'accept-all',
      purpose: '!analytics',
      consentId: '',
      cursor: 'c1',
    })
    expect(calls[0]?.url).toBe(
      '/api/admin/sites/xtra/receipts?action=accept-all&purpose=%21analytics&cursor=c1'
    )
    expect(api.exportUrl('xtra', 'csv', { from: '2026-11-01T00:00:00.000Z', cursor: 'x' })).toBe(
      '/api/admin/sites/xtra/export?from=2026-11-01T00%3A00%3A00.000Z&format=csv'
    )
  })

  it('should ask for the stats of every region, or of one rule', async () => {
    const { fn, calls } = fakeFetch([json(200, {}), json(200, {})])
    const api = createAdminApi(createApiClient({ fetch: fn }))
    await api.stats('xtra', 30)
    await api.stats('xtra', 7, 'japan')
    expect(calls.map((call) => call.url)).toEqual([
      '/api/admin/sites/xtra/stats?days=30',
      '/api/admin/sites/xtra/stats?days=7&regionRule=japan',
    ])
  })
})
