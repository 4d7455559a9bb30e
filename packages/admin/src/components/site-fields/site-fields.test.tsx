import { fireEvent, render, screen } from '@testing-library/preact'
import type { SiteInput } from '@torii/schema/admin-api'
import { beforeEach, describe, expect, it } from 'vitest'
import { ApiRequestError } from '../../api/index.ts'
import { setUiLanguage } from '../../i18n/index.ts'
import type { SiteFormText } from '../../lib/site-input.ts'
import { SiteFields, useSiteForm } from './index.tsx'

/** A form as the pages use it: submit checks, and what it would send is kept. */
function setup(initial: SiteFormText, refusal?: ApiRequestError) {
  const sent: (SiteInput | null)[] = []
  function Form() {
    const form = useSiteForm(initial)
    return (
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          const input = form.check()
          sent.push(input)
          if (input && refusal) form.refused(refusal)
        }}
      >
        <SiteFields form={form} />
        <button type="submit">Send</button>
      </form>
    )
  }
  render(<Form />)
  return sent
}

describe('SiteFields', () => {
  beforeEach(() => setUiLanguage('en'))

  it('should offer the id only when creating, and send what was typed as the contract wants it', () => {
    const sent = setup({ name: '', id: '', origins: '', languages: 'ja, en', timeZone: 'Asia/Tokyo' })
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: ' Acme ' } })
    fireEvent.input(screen.getByLabelText('Allowed origins'), { target: { value: 'HTTPS://Shop.Example/' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(sent).toEqual([
      { name: 'Acme', origins: ['https://shop.example'], languages: ['ja', 'en'], timeZone: 'Asia/Tokyo' },
    ])
    fireEvent.input(screen.getByLabelText('Site id (optional)'), { target: { value: 'acme ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(sent[1]).toEqual({
      id: 'acme',
      name: 'Acme',
      origins: ['https://shop.example'],
      languages: ['ja', 'en'],
      timeZone: 'Asia/Tokyo',
    })
  })

  it('should take a time zone by its IANA name, and name what is wrong with another', () => {
    const sent = setup({ name: 'Shop', origins: '', languages: 'ja', timeZone: 'UTC' })
    fireEvent.input(screen.getByLabelText('Time zone'), { target: { value: 'Tokyo' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(sent).toEqual([null])
    screen.getByText('must be an IANA time zone such as Asia/Tokyo, Europe/Berlin or UTC')
    fireEvent.input(screen.getByLabelText('Time zone'), { target: { value: ' Europe/Berlin ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(sent[1]).toMatchObject({ timeZone: 'Europe/Berlin' })
  })

  it('should name the line an error is about, and show a refusal at its field', () => {
    const refusal = new ApiRequestError(400, 'invalid', 'Bad input', { name: 'is taken' })
    const sent = setup(
      {
        name: 'Shop',
        origins: 'https://shop.example\nhttps://shop.example/ja',
        languages: 'ja',
        timeZone: 'UTC',
      },
      refusal
    )
    expect(screen.queryByLabelText('Site id (optional)')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(sent).toEqual([null])
    screen.getByText('https://shop.example/ja: must be an origin such as https://www.example.co.jp (no path)')
    fireEvent.input(screen.getByLabelText('Allowed origins'), { target: { value: 'https://shop.example' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(sent).toHaveLength(2)
    screen.getByText('is taken')
  })
})
