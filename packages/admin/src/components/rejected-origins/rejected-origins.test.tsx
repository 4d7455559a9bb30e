import { fireEvent, render, screen } from '@testing-library/preact'
import type { ReceiptRejection } from '@torii/schema/receipt-rejection'
import { beforeEach, describe, expect, it } from 'vitest'
import { setUiLanguage } from '../../i18n/index.ts'
import { RejectedOrigins } from './index.tsx'

const SEEN = '2026-12-07T01:00:00.000Z'
const REJECTIONS: ReceiptRejection[] = [
  { origin: 'https://example.co.jp', reason: 'origin_not_allowed', count: 3, lastSeen: SEEN },
  { origin: 'https://www.example.co.jp', reason: 'page_url_not_allowed', count: 1, lastSeen: SEEN },
  { origin: 'https://shop.example', reason: 'site_rate_limited', count: 2, lastSeen: SEEN },
  { origin: null, reason: 'invalid_json', count: 1, lastSeen: SEEN },
]

describe('RejectedOrigins', () => {
  beforeEach(() => setUiLanguage('en'))

  it('offers "allow this origin" only where allowing would let the receipts in', () => {
    const allowed: string[] = []
    render(
      <RejectedOrigins
        rejections={REJECTIONS}
        allowed={['https://www.example.co.jp']}
        onAllow={(origin) => allowed.push(origin)}
      />
    )
    const buttons = screen.getAllByRole('button', { name: 'Allow this origin' })
    expect(buttons).toHaveLength(1)
    fireEvent.click(buttons[0]!)
    expect(allowed).toEqual(['https://example.co.jp'])
    // Already allowed: said, not offered; a quota or a bad body is not cured by an origin.
    expect(screen.getByText('Allowed')).toBeTruthy()
    expect(screen.getByText('Origin not allowed')).toBeTruthy()
    expect(screen.getByText("Over the site's quota")).toBeTruthy()
    // A reason this admin has no words for is shown as its code.
    expect(screen.getByText('invalid_json')).toBeTruthy()
    expect(screen.getByText('(none)')).toBeTruthy()
  })

  it('offers nothing to a viewer, and says when there is nothing', () => {
    render(<RejectedOrigins rejections={REJECTIONS} allowed={[]} readOnly onAllow={() => {}} />)
    expect(screen.queryByRole('button')).toBeNull()
    render(<RejectedOrigins rejections={[]} allowed={[]} onAllow={() => {}} />)
    expect(screen.getByText('None since the server started.')).toBeTruthy()
  })
})
