import { fireEvent, render, screen, waitFor } from '@testing-library/preact'
import type { Role, User } from '@torii/schema/admin-api'
import { beforeEach, describe, expect, it } from 'vitest'
import { ApiRequestError } from '../../api/index.ts'
import { setUiLanguage } from '../../i18n/index.ts'
import { UserList } from './index.tsx'

const USERS: User[] = [
  { email: 'admin@example.com', role: 'admin', createdAt: '2026-11-01T00:00:00.000Z' },
  { email: 'viewer@example.com', role: 'viewer', createdAt: '2026-11-02T00:00:00.000Z' },
]

const calls: string[] = []

function setup(fail?: ApiRequestError) {
  calls.length = 0
  render(
    <UserList
      users={USERS}
      me="admin@example.com"
      onRole={async (user: User, role: Role) => {
        calls.push(`role ${user.email} ${role}`)
        if (fail) throw fail
        return `${user.email} is now ${role}.`
      }}
      onRemove={async (user: User) => {
        calls.push(`remove ${user.email}`)
        if (fail) throw fail
        return `${user.email} was removed.`
      }}
    />
  )
}

describe('UserList', () => {
  beforeEach(() => setUiLanguage('en'))

  it('should offer removal only for other users, and remove after the confirmation', async () => {
    setup()
    expect(screen.queryByRole('button', { name: 'Remove admin@example.com' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Remove viewer@example.com' }))
    expect(calls).toEqual([])
    await screen.findByText('viewer@example.com will be signed out at once and can no longer log in.', {
      exact: false,
    })
    fireEvent.click(screen.getByRole('button', { name: 'Remove', hidden: true }))
    await screen.findByText('viewer@example.com was removed.')
    expect(calls).toEqual(['remove viewer@example.com'])
  })

  it('should show the last-admin refusal as an alert and keep showing the stored role', async () => {
    setup(new ApiRequestError(409, 'last_admin', 'Cannot demote the last admin'))
    const select = screen.getByLabelText('Role of admin@example.com') as HTMLSelectElement
    fireEvent.change(select, { target: { value: 'viewer' } })
    expect((await screen.findByRole('alert')).textContent).toBe(
      'There must always be at least one admin: make another user an admin first.'
    )
    expect(calls).toEqual(['role admin@example.com viewer'])
    await waitFor(() => expect(select.value).toBe('admin'))
  })

  it('should word other refusals in Japanese', async () => {
    setUiLanguage('ja')
    setup(new ApiRequestError(409, 'self_removal', 'You cannot remove yourself'))
    fireEvent.change(screen.getByLabelText('viewer@example.com の権限'), { target: { value: 'admin' } })
    expect((await screen.findByRole('alert')).textContent).toBe(
      '自分自身は削除できません。別の管理者に依頼してください。'
    )
  })
})
