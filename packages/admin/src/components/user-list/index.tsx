import { useSignal } from '@preact/signals'
import { ROLES, type Role, type User } from '@torii/schema/admin-api'
import { ApiRequestError } from '../../api/index.ts'
import { formatTime, type MessageKey, t } from '../../i18n/index.ts'
import { ConfirmDialog } from '../confirm-dialog/index.tsx'
import { DataTable } from '../data-table/index.tsx'

/** The server's refusals (last admin, self-removal, gone) in the UI language; anything else as it came. */
export function userErrorText(cause: unknown): string {
  const code = cause instanceof ApiRequestError ? cause.code : ''
  if (code === 'last_admin' || code === 'self_removal' || code === 'not_found') {
    return t(`users.error.${code}` as MessageKey)
  }
  return t('app.error', { message: (cause as Error).message })
}

export interface UserListProps {
  users: User[]
  /** The signed-in admin: their own row cannot be removed. */
  me: string
  /** Each resolves with a message to announce, or rejects with the server's error. */
  onRole: (user: User, role: Role) => Promise<string>
  onRemove: (user: User) => Promise<string>
}

/** Every user with a role select and a Remove button (confirmed); refusals shown in an alert above the table. */
export function UserList({ users, me, onRole, onRemove }: UserListProps) {
  const removing = useSignal<User | null>(null)
  const error = useSignal('')
  const message = useSignal('')

  async function run(action: () => Promise<string>) {
    error.value = ''
    message.value = ''
    try {
      message.value = await action()
    } catch (cause) {
      error.value = userErrorText(cause)
    }
  }

  async function confirmRemove() {
    const user = removing.value
    removing.value = null
    if (user) await run(() => onRemove(user))
  }

  return (
    <>
      {error.value && (
        <p class="notice error" role="alert">
          {error.value}
        </p>
      )}
      <p role="status">{message.value}</p>
      <DataTable
        label={t('users.title')}
        columns={[
          {
            header: t('users.email'),
            cell: (user) => (
              <>
                {user.email} {user.email === me && t('users.you')}
              </>
            ),
          },
          {
            header: t('users.role'),
            cell: (user) => (
              <select
                aria-label={t('users.roleOf', { email: user.email })}
                value={user.role}
                onChange={(event) => {
                  const select = event.currentTarget
                  const role = select.value as Role
                  // Show the stored role until the server agrees.
                  select.value = user.role
                  run(() => onRole(user, role))
                }}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`users.role.${role}`)}
                  </option>
                ))}
              </select>
            ),
          },
          { header: t('users.createdAt'), cell: (user) => formatTime(user.createdAt) },
          {
            header: t('users.actions'),
            cell: (user) =>
              user.email !== me && (
                <button
                  type="button"
                  class="danger"
                  aria-label={t('users.removeLabel', { email: user.email })}
                  onClick={() => (removing.value = user)}
                >
                  {t('users.remove')}
                </button>
              ),
          },
        ]}
        rows={users}
        rowKey={(user) => user.email}
        rowAttributes={(user) => ({ 'data-user': user.email })}
      />
      <ConfirmDialog
        open={removing.value !== null}
        title={t('users.removeTitle', { email: removing.value?.email ?? '' })}
        confirmLabel={t('users.remove')}
        cancelLabel={t('receipts.cancel')}
        onConfirm={confirmRemove}
        onCancel={() => (removing.value = null)}
      >
        <p>{t('users.removeConfirm', { email: removing.value?.email ?? '' })}</p>
      </ConfirmDialog>
    </>
  )
}
