import { PasswordForm } from '../components/password-form/index.tsx'
import { t } from '../i18n/index.ts'
import { useTitle } from '../lib/use-title.ts'
import { session } from '../models/session.ts'

/**
 * After signing in with a one-time password: only the form to choose one's own (the API refuses everything
 * else until then), and a way out.
 */
export default function FirstPasswordPage() {
  useTitle(t('account.firstPassword'))
  const user = session.user.value
  if (!user) return null
  return (
    <main id="main" class="narrow" tabIndex={-1}>
      <h1>{t('account.firstPassword')}</h1>
      <p>{t('account.firstPasswordIntro')}</p>
      <PasswordForm email={user.email} onChanged={session.passwordChanged} />
      <p>
        <button type="button" onClick={() => session.logout().catch(() => undefined)}>
          {t('app.logout')}
        </button>
      </p>
    </main>
  )
}
