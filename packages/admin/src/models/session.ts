import { computed, createModel, signal } from '@preact/signals'
import type { User } from '@torii/schema/admin-api'
import { ApiRequestError, api, onUnauthorized } from '../api/index.ts'

export type SessionStatus = 'unknown' | 'anonymous' | 'authenticated'

/** Who is logged in; `check()` once at start, then 401 answers log the admin out. */
export const SessionModel = createModel(() => {
  const user = signal<User | null>(null, { name: 'session.user' })
  const status = signal<SessionStatus>('unknown', { name: 'session.status' })
  /** A global admin: manages users, creates sites, reads the global audit log, owns every site. */
  const isAdmin = computed(() => user.value?.role === 'admin')
  /** Signed in with a one-time password: the API refuses everything but changing it. */
  const mustChangePassword = signal(false, { name: 'session.mustChangePassword' })

  onUnauthorized(() => {
    user.value = null
    status.value = 'anonymous'
  })

  async function check() {
    try {
      const info = await api.session()
      user.value = info.user
      mustChangePassword.value = info.mustChangePassword === true
      status.value = 'authenticated'
    } catch (error) {
      user.value = null
      status.value = 'anonymous'
      if (!(error instanceof ApiRequestError) || error.status !== 401) throw error
    }
  }

  async function login(email: string, password: string) {
    const info = await api.login({ email, password })
    user.value = info.user
    mustChangePassword.value = info.mustChangePassword === true
    status.value = 'authenticated'
  }

  /** The one-time password was replaced: the rest of the admin opens. */
  function passwordChanged() {
    mustChangePassword.value = false
  }

  async function logout() {
    try {
      await api.logout()
    } finally {
      user.value = null
      status.value = 'anonymous'
    }
  }

  return { user, status, isAdmin, mustChangePassword, check, login, logout, passwordChanged }
})

export const session = new SessionModel()
