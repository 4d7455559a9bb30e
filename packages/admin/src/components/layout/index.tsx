import type { ComponentChildren } from 'preact'
import { setUiLanguage, t, UI_LANGUAGES, type UiLanguage, uiLanguage } from '../../i18n/index.ts'
import { ADMIN_BASE } from '../../lib/paths.ts'
import { session } from '../../models/session.ts'

/**
 * A torii drawn in SVG: the ⛩ character showed as an empty box on systems without a symbol font (Debian's
 * default fonts have none).
 */
function ToriiMark() {
  return (
    <svg class="brand-mark" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="#e5533d"
        d="M1 3.5Q12 5.5 23 3.5V7H1zM4 9.5h16v2.2H4zM5.6 7h2.6v15H5.6zM15.8 7h2.6v15h-2.6z"
      />
    </svg>
  )
}

/** The page frame: skip link, header with language switch, account link and logout, then the main landmark. */
export function Layout({ children, onLogout }: { children: ComponentChildren; onLogout: () => void }) {
  const user = session.user.value
  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="top">
        <a class="brand" href={`${ADMIN_BASE}/`}>
          <ToriiMark /> {t('app.name')}
        </a>
        <div class="top-tools">
          <label class="lang-switch">
            <span>{t('app.language')}</span>
            <select
              value={uiLanguage.value}
              onChange={(event) => setUiLanguage(event.currentTarget.value as UiLanguage)}
            >
              {UI_LANGUAGES.map((language) => (
                <option key={language.code} value={language.code} lang={language.code}>
                  {language.label}
                </option>
              ))}
            </select>
          </label>
          {user && (
            <>
              {user.role === 'admin' && (
                <>
                  <a class="top-link" href={`${ADMIN_BASE}/users`}>
                    {t('users.title')}
                  </a>
                  <a class="top-link" href={`${ADMIN_BASE}/audit`}>
                    {t('audit.title')}
                  </a>
                </>
              )}
              <span class="who">{t('app.loggedInAs', { email: user.email, role: user.role })}</span>
              <a class="top-link" href={`${ADMIN_BASE}/account`}>
                {t('account.title')}
              </a>
              <button type="button" onClick={onLogout}>
                {t('app.logout')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  )
}
