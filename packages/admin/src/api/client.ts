import { CSRF_HEADER } from '@torii/schema/admin-api'
import { ApiRequestError, errorFromResponse } from './api-request-error.ts'

export const API_BASE = '/api/admin'

export interface ApiClientOptions {
  baseUrl?: string
  fetch?: typeof fetch
  /** Called on every 401 so the app can send the admin to the login page. */
  onUnauthorized?: () => void
}

export type QueryParams = Record<string, string | number | undefined>

/** Appends the non-empty `query` values to `path`. */
export function withQuery(path: string, query?: QueryParams): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}${path.includes('?') ? '&' : '?'}${search}` : path
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T>
  /** The CSRF token from the session, sent back on every write. */
  setCsrfToken(token: string | null): void
  url(path: string, query?: QueryParams): string
}

/** The only place the admin talks HTTP: JSON in and out, cookie session, CSRF header on writes. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? API_BASE
  let csrfToken: string | null = null

  function url(path: string, query?: QueryParams): string {
    return `${baseUrl}${withQuery(path, query)}`
  }

  async function request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken
    let response: Response
    try {
      const doFetch = options.fetch ?? fetch
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch (cause) {
      throw new ApiRequestError(0, 'network', cause instanceof Error ? cause.message : 'Network error')
    }
    const text = await response.text().catch(() => '')
    let data: unknown = null
    if (text) {
      try {
        data = JSON.parse(text)
      } catch {
        data = null
      }
    }
    if (!response.ok) {
      if (response.status === 401) options.onUnauthorized?.()
      throw errorFromResponse(response.status, data)
    }
    return data as T
  }

  return {
    request,
    url,
    setCsrfToken(token) {
      csrfToken = token
    },
  }
}
