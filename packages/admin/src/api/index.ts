import { createAdminApi } from './admin-api.ts'
import { createApiClient } from './client.ts'

export type { AdminApi } from './admin-api.ts'
export { ApiRequestError, type FieldErrors } from './api-request-error.ts'

const unauthorizedListeners = new Set<() => void>()

/** Subscribes to 401 answers (session expired); returns the unsubscribe function. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener)
  return () => unauthorizedListeners.delete(listener)
}

/** The app's one API instance. */
export const api = createAdminApi(
  createApiClient({
    onUnauthorized: () => {
      for (const listener of unauthorizedListeners) listener()
    },
  })
)
