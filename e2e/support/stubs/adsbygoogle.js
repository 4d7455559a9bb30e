// Stand-in for https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js served to tests.
// Keeps the adsbygoogle queue semantics: each object pushed (before or after load) fills the next empty
// <ins class="adsbygoogle"> slot, marks it like AdSense does (data-adsbygoogle-status="done") and requests
// an ad from doubleclick.net (intercepted by the test recorder). Sets `__gads` only when ad_storage is granted.
;(() => {
  window.adsbygoogle = window.adsbygoogle || []
  const queue = window.adsbygoogle
  if (queue.loaded) return
  window.__toriiGoogleStub = window.__toriiGoogleStub || {}
  const stub = window.__toriiGoogleStub
  const state = { loadedAt: Date.now(), filled: 0, requests: [] }
  stub.adsense = state
  const script = document.currentScript
  const client = (script && new URL(script.src).searchParams.get('client')) || ''

  // The latest ad_storage value from the Consent Mode commands in the dataLayer (denied when none).
  const adStorageGranted = () => {
    let value = 'denied'
    for (const entry of window.dataLayer || []) {
      if (entry?.[0] === 'consent' && entry[2]?.ad_storage) value = entry[2].ad_storage
    }
    return value === 'granted'
  }

  const fill = () => {
    const slot = document.querySelector('ins.adsbygoogle:not([data-adsbygoogle-status])')
    if (!slot) return
    slot.setAttribute('data-adsbygoogle-status', 'done')
    slot.setAttribute('data-ad-status', 'filled')
    const ad = document.createElement('span')
    ad.className = 'torii-stub-ad'
    ad.textContent = 'Ad (test stub)'
    slot.appendChild(ad)
    state.filled += 1
    const personalised = adStorageGranted()
    if (personalised) {
      const maxAge = 395 * 24 * 60 * 60
      document.cookie = `__gads=ID=stub:T=${Math.floor(Date.now() / 1000)}; path=/; max-age=${maxAge}`
    }
    const query = new URLSearchParams({
      client: slot.getAttribute('data-ad-client') || client,
      slotname: slot.getAttribute('data-ad-slot') || '',
      npa: personalised ? '0' : '1',
    })
    const url = `https://googleads.g.doubleclick.net/pagead/ads?${query}`
    state.requests.push({ url, time: Date.now() })
    new Image().src = url
  }

  for (let i = 0; i < queue.length; i++) fill()
  queue.push = (...items) => {
    for (const _ of items) fill()
    return queue.length
  }
  queue.loaded = true
})()
