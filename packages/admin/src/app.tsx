import { useEffect } from 'preact/hooks'
import { LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso'
import { ErrorBoundary } from './components/error-boundary/index.tsx'
import { Layout } from './components/layout/index.tsx'
import { PageState } from './components/page-state/index.tsx'
import { t } from './i18n/index.ts'
import { ADMIN_BASE, staysInSite } from './lib/paths.ts'
import { installUnsavedGuard } from './lib/unsaved-guard.ts'
import { draftGuard } from './models/draft-guard.ts'
import { session } from './models/session.ts'
import { Routes } from './routes.tsx'

const LOGIN = `${ADMIN_BASE}/login`
const FirstPasswordPage = lazy(() => import('./pages/first-password-page.tsx'))

function Shell() {
  const { path, url, route } = useLocation()
  const status = session.status.value

  useEffect(() => {
    session.check().catch(() => undefined)
  }, [])

  useEffect(() => {
    if (status === 'anonymous' && path !== LOGIN) route(`${LOGIN}?next=${encodeURIComponent(url)}`, true)
  }, [status, path])

  async function logout() {
    const guard = draftGuard()
    if (guard?.isDirty() && !confirm(t('draft.confirmLeave'))) return
    guard?.discard()
    await session.logout().catch(() => undefined)
  }

  if (status === 'unknown' || (status === 'anonymous' && path !== LOGIN)) {
    return (
      <main id="main">
        <PageState />
      </main>
    )
  }
  if (status === 'authenticated' && session.mustChangePassword.value) {
    // The API refuses everything else until the one-time password is changed: nothing else is shown.
    // In a router: it suspends while its chunk loads, as every lazy page does.
    return <Router>{[<Route key="first-password" default component={FirstPasswordPage} />]}</Router>
  }
  return (
    <Layout onLogout={logout}>
      <ErrorBoundary>
        <Routes />
      </ErrorBoundary>
    </Layout>
  )
}

/**
 * Guards the working draft against being left silently. Installed before the app renders, so its listeners
 * come before the router's: a refused Back must be stopped before preact-iso routes.
 */
export function installDraftGuard(): () => void {
  return installUnsavedGuard({
    isDirty: () => draftGuard()?.isDirty() ?? false,
    leaves: (href) => {
      const siteId = draftGuard()?.siteId()
      return !siteId || !staysInSite(href, siteId)
    },
    confirmLeave: () => confirm(t('draft.confirmLeave')),
    onLeave: () => draftGuard()?.discard(),
  })
}

/** ErrorBoundary > LocationProvider > the shell (header, routes). */
export function App() {
  return (
    <ErrorBoundary>
      <LocationProvider scope={ADMIN_BASE}>
        <Shell />
      </LocationProvider>
    </ErrorBoundary>
  )
}
