import { useSignal } from '@preact/signals'
import { MIN_PASSWORD_LENGTH, ROLES, type Role, type User } from '@torii/schema/admin-api'
import { useEffect } from 'preact/hooks'
import { z } from 'zod'
import { ApiRequestError, api, type FieldErrors } from '../api/index.ts'
import { SelectField, TextField } from '../components/field/index.tsx'
import { PageState } from '../components/page-state/index.tsx'
import { UserList } from '../components/user-list/index.tsx'
import { t } from '../i18n/index.ts'
import { issuesToFieldErrors } from '../lib/field-errors.ts'
import { useTitle } from '../lib/use-title.ts'
import { session } from '../models/session.ts'

const newUserSchema = z.object({
  email: z.email('must be an email address'),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`),
  role: z.enum(ROLES),
})

function AddUserForm({ onAdded }: { onAdded: (user: User) => void }) {
  const email = useSignal('')
  const password = useSignal('')
  const role = useSignal<Role>('viewer')
  const errors = useSignal<FieldErrors>({})
  const message = useSignal('')
  async function submit(event: Event) {
    event.preventDefault()
    message.value = ''
    const input = { email: email.value.trim(), password: password.value, role: role.value }
    const result = newUserSchema.safeParse(input)
    errors.value = result.success ? {} : issuesToFieldErrors(result.error.issues)
    if (!result.success) return
    try {
      const { user } = await api.createUser(input)
      onAdded(user)
      message.value = t('users.added', { email: user.email })
      email.value = ''
      password.value = ''
    } catch (cause) {
      if (cause instanceof ApiRequestError) errors.value = cause.fields
      message.value = t('app.error', { message: (cause as Error).message })
    }
  }
  return (
    <form class="card" onSubmit={submit} noValidate>
      <h2>{t('users.add')}</h2>
      <TextField
        label={t('users.email')}
        type="email"
        autoComplete="off"
        value={email.value}
        error={errors.value.email}
        onValue={(value) => (email.value = value)}
      />
      <TextField
        label={t('users.password', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={password.value}
        error={errors.value.password}
        onValue={(value) => (password.value = value)}
      />
      <SelectField
        label={t('users.role')}
        value={role.value}
        error={errors.value.role}
        options={(['viewer', 'member', 'admin'] as const).map((value) => ({
          value,
          label: t(`users.role.${value}`),
        }))}
        onValue={(value) => (role.value = value as Role)}
      />
      <button type="submit" class="primary">
        {t('users.add')}
      </button>
      <p role="status">{message.value}</p>
    </form>
  )
}

/** Who can log in: adding users, changing their role, removing them (admins only). */
export default function UsersPage() {
  useTitle(t('users.title'))
  const users = useSignal<User[] | null>(null)
  const error = useSignal<Error | null>(null)
  async function load() {
    error.value = null
    try {
      users.value = (await api.listUsers()).users
    } catch (cause) {
      error.value = cause as Error
    }
  }
  useEffect(() => {
    load()
  }, [])
  async function changeRole(user: User, role: Role): Promise<string> {
    try {
      const changed = (await api.setUserRole(user.email, role)).user
      users.value = (users.value ?? []).map((one) => (one.email === changed.email ? changed : one))
      // Demoting myself (another admin remains) takes this page away: let the session say so.
      if (changed.email === session.user.value?.email) await session.check()
      return t('users.roleChanged', { email: changed.email, role: t(`users.role.${changed.role}`) })
    } catch (cause) {
      if (cause instanceof ApiRequestError && cause.code === 'not_found') await load()
      throw cause
    }
  }
  async function remove(user: User): Promise<string> {
    try {
      await api.removeUser(user.email)
    } catch (cause) {
      if (!(cause instanceof ApiRequestError && cause.code === 'not_found')) throw cause
      await load()
      throw cause
    }
    users.value = (users.value ?? []).filter((one) => one.email !== user.email)
    return t('users.removed', { email: user.email })
  }
  return (
    <div class="narrow">
      <h1>{t('users.title')}</h1>
      {users.value ? (
        <UserList
          users={users.value}
          me={session.user.value?.email ?? ''}
          onRole={changeRole}
          onRemove={remove}
        />
      ) : (
        <PageState error={error.value} onRetry={load} />
      )}
      <AddUserForm onAdded={(user) => (users.value = [...(users.value ?? []), user])} />
    </div>
  )
}
