import { render, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiRequestError } from '../../api/api-request-error.ts'
import { setUiLanguage } from '../../i18n/index.ts'
import { PageState } from './index.tsx'

describe('PageState', () => {
  afterEach(() => setUiLanguage('en'))

  it('says a 404 in the admin language, without the server wording or a pointless retry', () => {
    setUiLanguage('ja')
    const notFound = new ApiRequestError(404, 'not_found', 'Receipt "nope" not found')
    render(<PageState error={notFound} onRetry={() => {}} />)
    expect(screen.getByRole('alert').textContent).toBe('見つかりません。存在しないか、すでにありません。')
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('offers a retry only where trying again can help', () => {
    const cases: [Error, boolean][] = [
      [new ApiRequestError(0, 'network', 'Failed to fetch'), true],
      [new ApiRequestError(503, 'unavailable', 'Database unreachable'), true],
      [new ApiRequestError(429, 'rate_limited', 'Too many requests'), true],
      [new ApiRequestError(400, 'invalid_query', 'to must be after from'), false],
      [new Error('boom'), true],
    ]
    for (const [error, retry] of cases) {
      const { unmount } = render(<PageState error={error} onRetry={() => {}} />)
      expect(screen.getByRole('alert').textContent, error.message).toContain(error.message)
      expect(screen.queryByRole('button', { name: 'Try again' }) !== null, error.message).toBe(retry)
      unmount()
    }
  })
})
