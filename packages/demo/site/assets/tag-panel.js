// The demo's tag panel: shows which Google tags have run, the visitor's choice (torii.get()) and the
// Consent Mode state the gate put in the dataLayer, so a person trying the demo sees blocking happen.
// Demo-only (not part of a customer site). Never throws into the page.
;(() => {
  const TEXTS = {
    ja: {
      ga: 'Google アナリティクス (gtag.js)',
      adsense: 'Google AdSense (adsbygoogle.js)',
      requests: 'Google への通信',
      choice: 'あなたの選択 (torii.get())',
      consentMode: 'Consent Mode (dataLayer)',
      ran: '実行済み',
      blocked: '停止中',
      granted: '同意',
      denied: '拒否',
      none: 'まだ選択されていません',
      noConsentMode: 'まだ設定されていません',
      count: (n) => `${n} 件`,
      revision: (r) => `改訂 ${r}`,
      open: 'Cookie設定を開く',
      reset: '選択を消して最初から',
    },
    en: {
      ga: 'Google Analytics (gtag.js)',
      adsense: 'Google AdSense (adsbygoogle.js)',
      requests: 'Requests to Google',
      choice: 'Your choice (torii.get())',
      consentMode: 'Consent Mode (dataLayer)',
      ran: 'Ran',
      blocked: 'Blocked',
      granted: 'granted',
      denied: 'denied',
      none: 'No choice yet',
      noConsentMode: 'Not set yet',
      count: (n) => `${n}`,
      revision: (r) => `revision ${r}`,
      open: 'Open cookie settings',
      reset: 'Forget my choice and start over',
    },
  }
  const GOOGLE =
    /(^|\.)(google|google\.com|googletagmanager\.com|google-analytics\.com|googlesyndication\.com|doubleclick\.net|gstatic\.com|googleadservices\.com)$/
  const CONSENT_TYPES = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage']
  const lang = document.documentElement.lang.startsWith('ja') ? 'ja' : 'en'
  const t = TEXTS[lang]
  const googleHosts = new Set()
  let googleRequests = 0

  const el = (tag, props = {}, children = []) => {
    const node = Object.assign(document.createElement(tag), props)
    for (const child of children) node.append(child)
    return node
  }
  const badge = (state, label) => {
    const node = el('span', { className: 'tag-state', textContent: label })
    node.dataset.state = state
    return node
  }

  const gaRan = () => typeof window.google_tag_manager === 'object' && window.google_tag_manager !== null
  const adsenseRan = () => Boolean(window.adsbygoogle && window.adsbygoogle.loaded === true)

  // The Consent Mode state: the dataLayer's `consent` commands (default, then updates) applied in order.
  const consentMode = () => {
    const state = {}
    let steps = []
    for (const entry of window.dataLayer || []) {
      if (entry && entry[0] === 'consent' && entry[2] && typeof entry[2] === 'object') {
        Object.assign(state, entry[2])
        steps = [...steps, entry[1]]
      }
    }
    return { state, steps }
  }

  const choice = () => {
    try {
      return window.torii && typeof window.torii.get === 'function' ? window.torii.get() : null
    } catch {
      return null
    }
  }

  const row = (term, ...details) => [el('dt', { textContent: term }), el('dd', {}, details)]

  const render = (host) => {
    const current = choice()
    const mode = consentMode()
    const choiceDetail = current
      ? el(
          'ul',
          { className: 'consent-list' },
          Object.entries(current.purposes || {})
            .map(([key, on]) =>
              el('li', {}, [`${key}: `, badge(on ? 'granted' : 'denied', on ? t.granted : t.denied)])
            )
            .concat(current.revision ? [el('li', { textContent: `(${t.revision(current.revision)})` })] : [])
        )
      : t.none
    const modeDetail = mode.steps.length
      ? el(
          'ul',
          { className: 'consent-list' },
          CONSENT_TYPES.map((type) =>
            el('li', {}, [
              el('code', { textContent: type }),
              ' ',
              badge(mode.state[type] === 'granted' ? 'granted' : 'denied', mode.state[type] || t.denied),
            ])
          ).concat([el('li', { textContent: `(${mode.steps.join(' → ')})` })])
        )
      : t.noConsentMode
    const list = el('dl', {}, [
      ...row(t.ga, gaRan() ? badge('ran', t.ran) : badge('blocked', t.blocked)),
      ...row(t.adsense, adsenseRan() ? badge('ran', t.ran) : badge('blocked', t.blocked)),
      ...row(
        t.requests,
        `${t.count(googleRequests)}${googleHosts.size ? ` (${[...googleHosts].join(', ')})` : ''}`
      ),
      ...row(t.choice, choiceDetail),
      ...row(t.consentMode, modeDetail),
    ])
    host.replaceChildren(list)
  }

  const reset = async () => {
    const names = ['torii', '_ga', '__gads', '__gpi', '__eoi']
    for (const part of document.cookie.split(/;\s*/)) {
      const name = part.split('=')[0]
      if (names.includes(name) || name.startsWith('_ga_') || name.startsWith('_gcl_')) {
        document.cookie = `${name}=; Path=/; Max-Age=0`
      }
    }
    try {
      const databases = indexedDB.databases ? await indexedDB.databases() : []
      for (const { name } of databases) {
        if (name && /torii|keyval/.test(name)) indexedDB.deleteDatabase(name)
      }
    } catch {
      // Nothing stored, or IndexedDB unavailable: the cookie was what mattered.
    }
    location.reload()
  }

  const start = () => {
    const panel = document.getElementById('tag-panel')
    const host = panel?.querySelector('[data-tag-panel]')
    if (!host) return
    let queued = false
    const update = () => {
      if (queued) return
      queued = true
      setTimeout(() => {
        queued = false
        try {
          render(host)
        } catch {
          // A demo panel must never break the page.
        }
      })
    }
    const open = el('button', { type: 'button', textContent: t.open })
    open.addEventListener('click', () => window.torii?.show?.())
    const again = el('button', { type: 'button', textContent: t.reset })
    again.addEventListener('click', reset)
    host.after(el('div', { className: 'tag-panel-actions' }, [open, again]))

    if ('PerformanceObserver' in window) {
      new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries()) {
          const host = new URL(entry.name).hostname
          if (GOOGLE.test(host)) {
            googleRequests += 1
            googleHosts.add(host)
          }
        }
        update()
      }).observe({ type: 'resource', buffered: true })
    }
    window.addEventListener('torii:change', update)
    // Script loads do not bubble, but they can be caught on the way down.
    document.addEventListener('load', update, true)
    window.addEventListener('load', update)
    if (window.torii?.ready && typeof window.torii.ready.then === 'function') {
      window.torii.ready.then(update, update)
    }
    update()
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
})()
