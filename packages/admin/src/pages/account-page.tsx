import { PasswordForm } from '../components/password-form/index.tsx'
import { t } from '../i18n/index.ts'
import { useTitle } from '../lib/use-title.ts'
import { session } from '../models/session.ts'

/** Who I am, and changing my own password (every signed-in user, viewers too). */
export default function AccountPage() {
  useTitle(t('account.title'))
  const user = session.user.value
  if (!user) return null
  return (
    <div class="narrow">
      <h1>{t('account.title')}</h1>
      <dl class="facts card">
        <dt>{t('account.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`users.role.${user.role}`)}</dd>
      </dl>
      <PasswordForm email={user.email} />
    </div>
  )
}
