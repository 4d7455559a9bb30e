import { describe, expect, it, vi } from 'vitest'
import { configWithoutAdSense, demoConfig } from '../../test/fixtures.ts'
import { errorText } from '../i18n/error-text.ts'
import { setUiLanguage } from '../i18n/index.ts'
import { checkDisclosure, publishWarnings } from './draft-checks.ts'
import { fieldLabel } from './field-labels.ts'
import { staysInSite } from './paths.ts'
import { toReceiptQuery } from './receipt-filters.ts'
import { installUnsavedGuard } from './unsaved-guard.ts'

describe('toReceiptQuery', () => {
  it('should make dates local days with an exclusive end and drop empty filters', () => {
    expect(
      toReceiptQuery({
        from: '2026-11-01',
        to: '2026-11-30',
        action: 'accept-all',
        purpose: '!analytics',
        consentId: ' ',
      })
    ).toEqual({
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 11, 1).toISOString(),
      action: 'accept-all',
      purpose: '!analytics',
      consentId: undefined,
    })
    expect(toReceiptQuery({ from: '', to: 'nonsense', action: 'bogus', purpose: '', consentId: '' })).toEqual(
      {
        from: undefined,
        to: undefined,
        action: undefined,
        purpose: undefined,
        consentId: undefined,
      }
    )
  })
})

describe('checkDisclosure', () => {
  it('should require recipient, information sent and use in every site language', () => {
    const config = configWithoutAdSense()
    expect(checkDisclosure(config)).toEqual({})
    config.vendors[0]!.use = { ja: '解析' }
    config.vendors[0]!.cookies[0]!.retention = { en: '2 years' }
    expect(checkDisclosure(config)).toEqual({
      'vendors.0.use.en': 'is required',
      'vendors.0.cookies.0.retention.ja': 'is required',
    })
  })
})

describe('installUnsavedGuard', () => {
  function clickLink(href: string) {
    const link = document.createElement('a')
    link.href = href
    document.body.append(link)
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 })
    link.dispatchEvent(event)
    link.remove()
    return event
  }

  it('should ask before a link leaves the site with unsaved changes, and block when refused', () => {
    let dirty = true
    const confirmLeave = vi.fn(() => false)
    const onLeave = vi.fn()
    const uninstall = installUnsavedGuard({
      isDirty: () => dirty,
      leaves: (href) => !staysInSite(href, 'xtra'),
      confirmLeave,
      onLeave,
    })
    try {
      expect(clickLink('/admin/sites/xtra/vendors').defaultPrevented).toBe(false)
      expect(confirmLeave).not.toHaveBeenCalled()
      expect(clickLink('/admin/').defaultPrevented).toBe(true)
      expect(confirmLeave).toHaveBeenCalledTimes(1)
      confirmLeave.mockReturnValue(true)
      expect(clickLink('/admin/').defaultPrevented).toBe(false)
      expect(onLeave).toHaveBeenCalledTimes(1)
      dirty = false
      clickLink('/admin/')
      expect(confirmLeave).toHaveBeenCalledTimes(2)
    } finally {
      uninstall()
    }
  })

  it('should stop the tab from closing silently while dirty', () => {
    const uninstall = installUnsavedGuard({
      isDirty: () => true,
      leaves: () => true,
      confirmLeave: () => true,
      onLeave: () => undefined,
    })
    const event = new Event('beforeunload', { cancelable: true })
    dispatchEvent(event)
    uninstall()
    expect(event.defaultPrevented).toBe(true)
  })

  it('should ask before Back or Forward leaves the site, and restore the address of the page shown when refused', () => {
    const confirmLeave = vi.fn(() => false)
    const onLeave = vi.fn()
    const router = vi.fn()
    addEventListener('popstate', router)
    const uninstall = installUnsavedGuard({
      isDirty: () => true,
      leaves: (href) => !staysInSite(href, 'xtra'),
      confirmLeave,
      onLeave,
    })
    // The browser changes the address, then sends popstate (replaceState here stands for the browser).
    const pop = (href: string) => {
      const { replaceState } = Object.getPrototypeOf(history) as History
      replaceState.call(history, null, '', href)
      dispatchEvent(new PopStateEvent('popstate'))
    }
    history.pushState(null, '', '/admin/sites/xtra/look')
    try {
      pop('/admin/sites/xtra/vendors')
      expect(confirmLeave).not.toHaveBeenCalled()
      expect(router).toHaveBeenCalledTimes(1)
      pop('/admin/')
      expect(confirmLeave).toHaveBeenCalledTimes(1)
      expect(router).toHaveBeenCalledTimes(1)
      expect(location.pathname).toBe('/admin/sites/xtra/vendors')
      confirmLeave.mockReturnValue(true)
      pop('/admin/')
      expect(onLeave).toHaveBeenCalledTimes(1)
      expect(router).toHaveBeenCalledTimes(2)
      expect(location.pathname).toBe('/admin/')
    } finally {
      uninstall()
      removeEventListener('popstate', router)
    }
  })
})

describe('fieldLabel', () => {
  it('should name a draft field as the form labels it, in the UI language', () => {
    setUiLanguage('en')
    const config = demoConfig()
    expect(fieldLabel('vendors.1.cookies.0.retention.ja', config)).toBe(
      'Vendor 2 (Google AdSense) › Cookie 1 (__gads) › Retention (ja)'
    )
    expect(fieldLabel('purposes.1.name.en', config)).toBe('Purpose 2 (Analytics) › Name (en)')
    expect(fieldLabel('privacyPolicyUrl.en', config)).toBe('Privacy policy URL (en)')
    expect(fieldLabel('options.consentDays', config)).toBe('Consent lasts (days)')
    expect(fieldLabel('something.new', config)).toBe('something.new')
    setUiLanguage('ja')
    expect(fieldLabel('vendors.0.hosts.2', config)).toBe(
      'ベンダー 1（Google Analytics 4） › スクリプト・iframe のホスト › 3 行目'
    )
    expect(errorText('Too big: expected number to be <=395')).toBe('395以下にしてください')
    setUiLanguage('en')
  })
})

describe('publishWarnings', () => {
  it('says nothing for the demo config: own texts without a list, a privacy policy per language', () => {
    expect(publishWarnings(demoConfig())).toEqual([])
  })

  it('warns of a missing privacy policy URL and of texts that speak of a list the first layer lacks', () => {
    const config = demoConfig()
    config.privacyPolicyUrl = { ja: '/privacy.html' }
    config.texts = { ja: { description: '以下の目的でCookieを使います。' } }
    expect(publishWarnings(config)).toEqual([
      { key: 'publish.warnPrivacyUrl', params: { languages: 'en' } },
      { key: 'publish.warnListText', params: { language: 'ja' } },
      { key: 'publish.warnBuiltInText', params: { language: 'en' } },
    ])
    config.privacyPolicyUrl = {}
    expect(publishWarnings(config)[0]).toEqual({ key: 'publish.warnNoPrivacyUrl' })
  })
})
