import { useSignal } from '@preact/signals'
import { MIN_PASSWORD_LENGTH, type PasswordChange } from '@torii/schema/admin-api'
import { useEffect, useId, useRef } from 'preact/hooks'
import { z } from 'zod'
import { ApiRequestError, api, type FieldErrors } from '../../api/index.ts'
import { t } from '../../i18n/index.ts'
import { issuesToFieldErrors } from '../../lib/field-errors.ts'
import { TextField } from '../field/index.tsx'

const passwordsSchema = z.object({
  currentPassword: z.string().min(1, 'is required'),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`),
  confirmPassword: z.string(),
})

export interface PasswordInput extends PasswordChange {
  confirmPassword: string
}

/** The same rules as the server (length, differs), plus the confirmation; `{}` when it may be sent. */
export function passwordErrors(input: PasswordInput): FieldErrors {
  const result = passwordsSchema.safeParse(input)
  const errors = result.success ? {} : issuesToFieldErrors(result.error.issues)
  const same = input.newPassword.normalize('NFKC') === input.currentPassword.normalize('NFKC')
  if (!errors.newPassword && same) errors.newPassword = 'must differ from the current password'
  if (!errors.newPassword && input.confirmPassword !== input.newPassword) {
    errors.confirmPassword = 'must match the new password'
  }
  return errors
}

export interface PasswordFormProps {
  /** The signed-in user's email, for password managers. */
  email: string
  /** Sends the change (the app's API unless a test gives another). */
  change?: (body: PasswordChange) => Promise<unknown>
  /** Called once the server accepted the new password. */
  onChanged?: () => void
}

/** Changing one's own password: current, new, new again; field errors tied to their inputs, focus on the first. */
export function PasswordForm({ email, change = api.changePassword, onChanged }: PasswordFormProps) {
  const current = useSignal('')
  const next = useSignal('')
  const confirm = useSignal('')
  const errors = useSignal<FieldErrors>({})
  const failure = useSignal('')
  const done = useSignal('')
  const busy = useSignal(false)
  const attempt = useSignal(0)
  const form = useRef<HTMLFormElement>(null)
  const titleId = useId()

  useEffect(() => {
    // After a refused submit, take the keyboard to the first field to fix.
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [attempt.value])

  async function submit(event: Event) {
    event.preventDefault()
    done.value = ''
    failure.value = ''
    const input = { currentPassword: current.value, newPassword: next.value, confirmPassword: confirm.value }
    errors.value = passwordErrors(input)
    if (Object.keys(errors.value).length) {
      attempt.value++
      return
    }
    busy.value = true
    try {
      await change({ currentPassword: input.currentPassword, newPassword: input.newPassword })
      current.value = next.value = confirm.value = ''
      done.value = t('account.changed')
      onChanged?.()
    } catch (cause) {
      const fields = cause instanceof ApiRequestError ? cause.fields : {}
      errors.value = fields
      if (!Object.keys(fields).length) failure.value = t('app.error', { message: (cause as Error).message })
      attempt.value++
    } finally {
      busy.value = false
    }
  }

  return (
    <form ref={form} class="card" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{t('account.password')}</h2>
      {failure.value && (
        <p class="notice error" role="alert">
          {failure.value}
        </p>
      )}
      {/* Lets password managers know whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label={t('account.currentPassword')}
        type="password"
        name="current-password"
        autoComplete="current-password"
        required
        value={current.value}
        error={errors.value.currentPassword}
        onValue={(value) => (current.value = value)}
      />
      <TextField
        label={t('account.newPassword')}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        hint={t('account.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
        value={next.value}
        error={errors.value.newPassword}
        onValue={(value) => (next.value = value)}
      />
      <TextField
        label={t('account.confirmPassword')}
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        required
        value={confirm.value}
        error={errors.value.confirmPassword}
        onValue={(value) => (confirm.value = value)}
      />
      <button type="submit" class="primary" disabled={busy.value}>
        {t('account.submit')}
      </button>
      <p role="status">{done.value}</p>
    </form>
  )
}
