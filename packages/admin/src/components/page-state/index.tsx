import { ApiRequestError } from '../../api/api-request-error.ts'
import { t } from '../../i18n/index.ts'

/** Whether trying the same load again can help: the network, the server's own trouble, a rate limit. */
function retryable(error: Error): boolean {
  if (!(error instanceof ApiRequestError)) return true
  return error.status === 0 || error.status === 429 || error.status >= 500
}

/** What a page shows while loading or after a load failed. */
export function PageState({ error, onRetry }: { error?: Error | null; onRetry?: () => void }) {
  if (error) {
    // A 404 is said in the admin's language (the server's message is English), with nothing to retry.
    const missing = error instanceof ApiRequestError && error.status === 404
    return (
      <div class="notice error" role="alert">
        <p>{missing ? t('app.missing') : t('app.error', { message: error.message })}</p>
        {onRetry && retryable(error) && (
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
