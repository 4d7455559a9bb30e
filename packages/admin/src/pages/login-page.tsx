import { useSignal } from '@preact/signals'
import { useLocation } from 'preact-iso'
import { TextField } from '../components/field/index.tsx'
import { t } from '../i18n/index.ts'
import { ADMIN_BASE } from '../lib/paths.ts'
import { useTitle } from '../lib/use-title.ts'
import { session } from '../models/session.ts'

/** Email and password; on success goes back where the admin was headed. */
export default function LoginPage() {
  useTitle(t('login.title'))
  const { query, route } = useLocation()
  const email = useSignal('')
  const password = useSignal('')
  const error = useSignal<string | null>(null)
  const busy = useSignal(false)

  async function submit(event: Event) {
    event.preventDefault()
    busy.value = true
    error.value = null
    try {
      await session.login(email.value.trim(), password.value)
      const next = query.next ?? ''
      const safe = next.startsWith(`${ADMIN_BASE}/`) && !next.startsWith(`${ADMIN_BASE}/login`)
      route(safe ? next : `${ADMIN_BASE}/`, true)
    } catch (cause) {
      error.value = t('login.failed', { message: (cause as Error).message })
    } finally {
      busy.value = false
    }
  }

  return (
    <div class="narrow">
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit} noValidate>
        {error.value && (
          <p class="notice error" role="alert">
            {error.value}
          </p>
        )}
        <TextField
          label={t('login.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email.value}
          onValue={(value) => (email.value = value)}
        />
        <TextField
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password.value}
          onValue={(value) => (password.value = value)}
        />
        <button type="submit" class="primary" disabled={busy.value}>
          {t('login.submit')}
        </button>
      </form>
    </div>
  )
}
