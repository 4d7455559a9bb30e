import { useSignal } from '@preact/signals'
import type { Role, User } from '@torii/schema/admin-api'
import { useEffect } from 'preact/hooks'
import { z } from 'zod'
import { ApiRequestError, api, type FieldErrors } from '../api/index.ts'
import { SelectField, TextField } from '../components/field/index.tsx'
import { PageState } from '../components/page-state/index.tsx'
import { ScrollRegion } from '../components/scroll-region/index.tsx'
import { formatTime, t } from '../i18n/index.ts'
import { issuesToFieldErrors } from '../lib/field-errors.ts'
import { useTitle } from '../lib/use-title.ts'

const newUserSchema = z.object({
  email: z.email('must be an email address'),
  password: z.string().min(8, 'at least 8 characters'),
  role: z.enum(['admin', 'viewer']),
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
        label={t('users.password')}
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
        options={(['viewer', 'admin'] as const).map((value) => ({ value, label: t(`users.role.${value}`) }))}
        onValue={(value) => (role.value = value as Role)}
      />
      <button type="submit" class="primary">
        {t('users.add')}
      </button>
      <p role="status">{message.value}</p>
    </form>
  )
}

/** Who can log in, and adding admins and viewers (admins only). */
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
  return (
    <div class="narrow">
      <h1>{t('users.title')}</h1>
      {users.value ? (
        <ScrollRegion label={t('users.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {users.value.map((user) => (
                <tr key={user.email}>
                  <th scope="row">{user.email}</th>
                  <td>{user.role}</td>
                  <td>{formatTime(user.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <PageState error={error.value} onRetry={load} />
      )}
      <AddUserForm onAdded={(user) => (users.value = [...(users.value ?? []), user])} />
    </div>
  )
}
