import { lazy, Route, Router } from 'preact-iso'
import { ADMIN_BASE } from './lib/paths.ts'

const SitesPage = lazy(() => import('./pages/sites-page.tsx'))
const LoginPage = lazy(() => import('./pages/login-page.tsx'))
const SettingsPage = lazy(() => import('./pages/settings-page.tsx'))
const PurposesPage = lazy(() => import('./pages/purposes-page.tsx'))
const VendorsPage = lazy(() => import('./pages/vendors-page.tsx'))
const RegionsPage = lazy(() => import('./pages/regions-page.tsx'))
const LookPage = lazy(() => import('./pages/look-page.tsx'))
const PublishPage = lazy(() => import('./pages/publish-page.tsx'))
const ReceiptsPage = lazy(() => import('./pages/receipts-page.tsx'))
const ReceiptDetailPage = lazy(() => import('./pages/receipt-detail-page.tsx'))
const InsightsPage = lazy(() => import('./pages/insights-page.tsx'))
const DisclosurePage = lazy(() => import('./pages/disclosure-page.tsx'))
const ScanPage = lazy(() => import('./pages/scan-page.tsx'))
const UsersPage = lazy(() => import('./pages/users-page.tsx'))
const AccountPage = lazy(() => import('./pages/account-page.tsx'))
const MembersPage = lazy(() => import('./pages/members-page.tsx'))
const TokensPage = lazy(() => import('./pages/tokens-page.tsx'))
const AuditPage = lazy(() => import('./pages/audit-page.tsx'))
const GlobalAuditPage = lazy(() => import('./pages/global-audit-page.tsx'))
const NotFoundPage = lazy(() => import('./pages/not-found-page.tsx'))

const SITE = `${ADMIN_BASE}/sites/:siteId`

function focusMain() {
  // Announce the new page: move focus to the main landmark once it has rendered.
  requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: false }))
}

/** Every admin page, loaded lazily. */
export function Routes() {
  return (
    <Router onRouteChange={focusMain}>
      <Route path={`${ADMIN_BASE}/`} component={SitesPage} />
      <Route path={ADMIN_BASE} component={SitesPage} />
      <Route path={`${ADMIN_BASE}/login`} component={LoginPage} />
      <Route path={`${ADMIN_BASE}/users`} component={UsersPage} />
      <Route path={`${ADMIN_BASE}/account`} component={AccountPage} />
      <Route path={`${ADMIN_BASE}/audit`} component={GlobalAuditPage} />
      <Route path={SITE} component={SettingsPage} />
      <Route path={`${SITE}/settings`} component={SettingsPage} />
      <Route path={`${SITE}/purposes`} component={PurposesPage} />
      <Route path={`${SITE}/vendors`} component={VendorsPage} />
      <Route path={`${SITE}/regions`} component={RegionsPage} />
      <Route path={`${SITE}/look`} component={LookPage} />
      <Route path={`${SITE}/publish`} component={PublishPage} />
      <Route path={`${SITE}/receipts`} component={ReceiptsPage} />
      <Route path={`${SITE}/receipts/:receiptId`} component={ReceiptDetailPage} />
      <Route path={`${SITE}/insights`} component={InsightsPage} />
      <Route path={`${SITE}/disclosure`} component={DisclosurePage} />
      <Route path={`${SITE}/scan`} component={ScanPage} />
      <Route path={`${SITE}/members`} component={MembersPage} />
      <Route path={`${SITE}/tokens`} component={TokensPage} />
      <Route path={`${SITE}/audit`} component={AuditPage} />
      <Route default component={NotFoundPage} />
    </Router>
  )
}
