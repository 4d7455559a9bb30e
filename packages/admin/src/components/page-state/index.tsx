import { t } from '../../i18n/index.ts'

/** What a page shows while loading or after a load failed. */
export function PageState({ error, onRetry }: { error?: Error | null; onRetry?: () => void }) {
  if (error) {
    return (
      <div class="notice error" role="alert">
        <p>{t('app.error', { message: error.message })}</p>
        {onRetry && (
          <button type="button" onClick={onRetry}>
            {t('app.retry')}
          </button>
        )}
      </div>
    )
  }
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  )
}
