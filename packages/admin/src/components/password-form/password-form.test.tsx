import { fireEvent, render, screen, waitFor } from '@testing-library/preact'
import type { PasswordChange } from '@torii/schema/admin-api'
import { beforeEach, describe, expect, it } from 'vitest'
import { ApiRequestError } from '../../api/index.ts'
import { setUiLanguage } from '../../i18n/index.ts'
import { PasswordForm, passwordErrors } from './index.tsx'

const sent: PasswordChange[] = []

function setup(answer: () => Promise<unknown> = async () => null) {
  sent.length = 0
  render(
    <PasswordForm
      email="viewer@example.com"
      change={(body) => {
        sent.push(body)
        return answer()
      }}
    />
  )
  const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement
  const fill = (current: string, next: string, again = next) => {
    fireEvent.input(field('Current password'), { target: { value: current } })
    fireEvent.input(field('New password'), { target: { value: next } })
    fireEvent.input(field('New password again'), { target: { value: again } })
  }
  const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Change password' }))
  return { field, fill, submit }
}

/** The error text tied to an input through aria-describedby. */
function describedError(input: HTMLInputElement): string | undefined {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids
    .map((id) => document.getElementById(id))
    .find((element) => element?.classList.contains('field-error'))?.textContent
}

describe('PasswordForm', () => {
  beforeEach(() => setUiLanguage('en'))

  it('should name every missing or bad field, tie the error to its input, focus the first, send nothing', async () => {
    const { field, fill, submit } = setup()
    submit()
    expect(field('Current password').getAttribute('aria-invalid')).toBe('true')
    expect(describedError(field('Current password'))).toBe('is required')
    expect(describedError(field('New password'))).toBe('must be at least 10 characters')
    await waitFor(() => expect(document.activeElement).toBe(field('Current password')))

    fill('old-password-1', 'old-password-1')
    submit()
    expect(describedError(field('Current password'))).toBeUndefined()
    expect(describedError(field('New password'))).toBe('must differ from the current password')
    await waitFor(() => expect(document.activeElement).toBe(field('New password')))

    fill('old-password-1', 'new-password-22', 'new-password-2')
    submit()
    expect(describedError(field('New password again'))).toBe('must match the new password')
    expect(field('New password').getAttribute('aria-invalid')).toBeNull()
    expect(sent).toEqual([])
  })

  it('should send the change, clear the fields and announce success', async () => {
    const { field, fill, submit } = setup()
    fill('old-password-1', 'new-password-22')
    submit()
    await screen.findByText('Your password was changed. Your other sessions have been signed out.')
    expect(sent).toEqual([{ currentPassword: 'old-password-1', newPassword: 'new-password-22' }])
    expect(field('Current password').value).toBe('')
    expect(field('New password again').value).toBe('')
  })

  it('should show the server’s wrong-password error on the current password field, in Japanese too', async () => {
    setUiLanguage('ja')
    const { field } = setup(async () => {
      throw new ApiRequestError(400, 'wrong_password', 'The current password is wrong', {
        currentPassword: 'is not your current password',
      })
    })
    fireEvent.input(field('現在のパスワード'), { target: { value: 'guess-password' } })
    fireEvent.input(field('新しいパスワード'), { target: { value: 'new-password-22' } })
    fireEvent.input(field('新しいパスワード（確認）'), { target: { value: 'new-password-22' } })
    fireEvent.click(screen.getByRole('button', { name: 'パスワードを変更' }))
    await waitFor(() =>
      expect(describedError(field('現在のパスワード'))).toBe('現在のパスワードと一致しません')
    )
    await waitFor(() => expect(document.activeElement).toBe(field('現在のパスワード')))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('should show an error without fields (rate limit) as an alert', async () => {
    const { fill, submit } = setup(async () => {
      throw new ApiRequestError(429, 'rate_limited', 'Too many requests; try again in 900 s')
    })
    fill('old-password-1', 'new-password-22')
    submit()
    expect((await screen.findByRole('alert')).textContent).toContain('Too many requests; try again in 900 s')
  })
})

describe('passwordErrors', () => {
  it('should apply the server’s rules, comparing passwords as the server does (NFKC)', () => {
    expect(
      passwordErrors({
        currentPassword: 'ｐａｓｓｗｏｒｄ１２３',
        newPassword: 'password123',
        confirmPassword: 'password123',
      })
    ).toEqual({ newPassword: 'must differ from the current password' })
    expect(
      passwordErrors({ currentPassword: 'x', newPassword: 'long-enough-1', confirmPassword: 'long-enough-1' })
    ).toEqual({})
  })
})
