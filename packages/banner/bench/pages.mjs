// The pages the bench compares: Torii, vanilla-cookieconsent 3.1.0 (set up as its docs show: the script
// and run() at the end of body), and no CMP at all. Each loads GA (gtag.js, answered locally by the bench)
// behind its CMP's blocking, the way a site owner would write it.

// gtag.js comes from the bench's own server (no request interception, which would slow every request).
const GTAG = '/gtag/js?id=G-BENCH'
const BODY = `<body><main><h1>Bench page</h1>${'<p>Some text on the page, as a site would have. </p>'.repeat(40)}</main></body>`
const GA_CONFIG = `window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-BENCH')`

export const TORII = `<!doctype html><html lang="en"><head><script src="/s/xtra/gate.js"></script>
<meta charset="utf-8"><title>Torii</title>
<script type="text/plain" data-purpose="analytics" data-vendor="google-analytics" src="${GTAG}" async></script>
<script type="text/plain" data-purpose="analytics" data-vendor="google-analytics">${GA_CONFIG}</script>
</head>${BODY}</html>`

export const COOKIECONSENT = `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>vanilla-cookieconsent</title>
<link rel="stylesheet" href="/cc/cookieconsent.css">
<script type="text/plain" data-category="analytics" src="${GTAG}" async></script>
<script type="text/plain" data-category="analytics">${GA_CONFIG}</script>
</head>${BODY.replace(
  '</body>',
  `<script src="/cc/cookieconsent.umd.js"></script>
<script>
CookieConsent.run({
  hideFromBots: false, // the bench browser is automated (navigator.webdriver)
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, advertising: {} },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'About cookies on this site', description: 'We use cookies to improve the site and show ads.',
      acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Customize' },
    preferencesModal: { title: 'Privacy preferences', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all',
      savePreferencesBtn: 'Save', sections: [
        { title: 'Strictly necessary', linkedCategory: 'necessary' },
        { title: 'Analytics', linkedCategory: 'analytics' },
        { title: 'Advertising', linkedCategory: 'advertising' } ] } } } }
})
</script>
</body>`
)}</html>`

/**
 * The floor of any gate that holds tags declaratively: a synchronous head script that does nothing but
 * revive every `type="text/plain"` script as the parser adds it. No cookie, no rules, no guards. Its
 * returning-visitor GA time is what the design itself costs (the parser must reach and run a head script,
 * and the preload scanner cannot see held tags), so Torii's own cost is its distance from this page.
 */
export const FLOOR_GATE = `new MutationObserver((rs) => { for (const r of rs) for (const n of r.addedNodes)
  if (n.type == 'text/plain') { const s = document.createElement('script'); s.text = n.text;
    for (const a of n.attributes) if (a.name != 'type') s.setAttribute(a.name, a.value); n.replaceWith(s) } })
  .observe(document.documentElement, { childList: true, subtree: true })`

export const FLOOR = TORII.replace('/s/xtra/gate.js', '/floor.js').replace('<title>Torii', '<title>Floor')

/**
 * Torii where the site's own server renders the tags the request's `torii` cookie allows unheld
 * (`@torii/banner/server`, site.mjs): the same page as TORII, but a returning visitor who allowed GA gets
 * plain `<script async src>` tags the preload scanner sees, as on the page with no CMP; held otherwise.
 */
export const ssrPage = (allowed) => {
  const page = TORII.replace('<title>Torii', '<title>Torii, site server renders allowed tags')
  const ga = allowed.purposes.analytics && allowed.vendors['google-analytics']
  return ga ? page.replaceAll('<script type="text/plain" ', '<script ') : page
}

/** Each banner's Accept all button. */
export const ACCEPT_ALL = {
  '/torii/': 'torii-consent [data-torii-action="accept-all"]',
  '/ssr/': 'torii-consent [data-torii-action="accept-all"]',
  '/cc/': '#cc-main [data-role="all"]',
}

export const NO_CMP = `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>No CMP</title>
<script src="${GTAG}" async></script>
<script>${GA_CONFIG}</script>
</head>${BODY}</html>`

/**
 * First visits only: when the banner first shows (rAF-polled, same for both CMPs). "Shows" is taken at the
 * start of the frame that paints the banner, after its layout (forced here): Torii's first layer once it
 * is laid out; vanilla-cookieconsent's modal at the first frame of its fade-in with an opacity above 0 (it
 * starts the fade 100 ms after building the modal, its own setTimeout, and the modal is laid out before,
 * hidden). Counting cookieconsent when its fade ends instead would add its 250 ms transition; this is the
 * earliest a visitor can see either. Returning views run no probe: a script injected before the page's
 * own delays the parser, and so every held tag, but not what the preload scanner fetches (see TASKS).
 */
export const PROBE = `(() => {
  const m = (window.__bench = { visible: null })
  const shown = () => {
    const torii = document.querySelector('torii-consent')?.shadowRoot?.querySelector('section')
    const cc = document.querySelector('#cc-main .cm')
    const el = torii || cc
    if (!el) return false
    const r = el.getBoundingClientRect()
    return r.height > 0 && getComputedStyle(el).visibility != 'hidden' && getComputedStyle(el).opacity != '0'
  }
  const tick = () => { if (shown()) m.visible = performance.now(); else requestAnimationFrame(tick) }
  requestAnimationFrame(tick)
})()`

/**
 * Read after the fact (page.evaluate), so nothing is injected ahead of the page: the long tasks so far, and
 * the long animation frames' script attribution (which script ran how long), to tell the CMP's long tasks
 * from the browser's own. Chromium buffers both entry types for an observer that asks for them.
 */
export function TASKS() {
  const buffered = (type) => {
    try {
      const observer = new PerformanceObserver(() => {})
      observer.observe({ type, buffered: true })
      const entries = observer.takeRecords()
      observer.disconnect()
      return entries
    } catch {
      return []
    }
  }
  return {
    tasks: buffered('longtask').map((e) => ({ start: e.startTime, duration: e.duration })),
    frames: buffered('long-animation-frame').map((e) => ({
      scripts: e.scripts.map((s) => ({
        url: s.sourceURL,
        start: s.executionStart || s.startTime,
        duration: s.duration,
        invoker: s.invoker,
      })),
    })),
  }
}
