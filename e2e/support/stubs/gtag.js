// Stand-in for https://www.googletagmanager.com/gtag/js served to tests instead of Google's.
// Keeps gtag's dataLayer semantics: it processes what is already queued in window.dataLayer, then
// replaces dataLayer.push so later commands are processed as they arrive. It tracks the Consent Mode
// state, and on `config`/`event` it sends a hit (to google-analytics.com, intercepted by the test
// recorder) carrying `gcs` like GA4 does, and sets `_ga` cookies only when analytics_storage is granted.
;(() => {
  const script = document.currentScript
  const id = (script && new URL(script.src).searchParams.get('id')) || 'G-UNKNOWN'
  window.dataLayer = window.dataLayer || []
  const dataLayer = window.dataLayer
  window.__toriiGoogleStub = window.__toriiGoogleStub || {}
  const stub = window.__toriiGoogleStub
  stub.gtag = stub.gtag || { loads: 0, ids: [], commands: [], consent: {}, hits: [] }
  const state = stub.gtag
  state.loads += 1
  state.ids.push(id)
  state.loadedAt = Date.now()
  // What the real gtag.js defines, so pages can tell it ran the same way for the stub and the real one.
  window.google_tag_data = window.google_tag_data || {}
  window.google_tag_manager = window.google_tag_manager || {}
  window.google_tag_manager[id] = { stub: true }

  const granted = (type) => state.consent[type] === 'granted'

  const hit = (measurementId, name) => {
    const gcs = `G1${granted('ad_storage') ? '1' : '0'}${granted('analytics_storage') ? '1' : '0'}`
    if (granted('analytics_storage')) {
      const maxAge = 2 * 365 * 24 * 60 * 60
      document.cookie = `_ga=GA1.1.1234567890.${Math.floor(Date.now() / 1000)}; path=/; max-age=${maxAge}`
      document.cookie = `_ga_${measurementId.replace(/^G-/, '')}=GS1.1.stub; path=/; max-age=${maxAge}`
    }
    const query = new URLSearchParams({ v: '2', tid: measurementId, en: name, gcs, dl: location.href })
    state.hits.push({ id: measurementId, name, gcs, time: Date.now() })
    new Image().src = `https://region1.google-analytics.com/g/collect?${query}`
  }

  const process = (entry) => {
    if (!entry || typeof entry.length !== 'number' || typeof entry[0] !== 'string') return
    const args = Array.from(entry)
    state.commands.push({ args, time: Date.now() })
    if (args[0] === 'consent' && (args[1] === 'default' || args[1] === 'update') && args[2]) {
      for (const [type, value] of Object.entries(args[2])) {
        if (value === 'granted' || value === 'denied') state.consent[type] = value
      }
    } else if (args[0] === 'config') {
      hit(String(args[1]), 'page_view')
    } else if (args[0] === 'event') {
      hit(id, String(args[1]))
    }
  }

  for (const entry of dataLayer) process(entry)
  const push = dataLayer.push
  dataLayer.push = (...entries) => {
    const result = push.apply(dataLayer, entries)
    for (const entry of entries) process(entry)
    return result
  }
})()
