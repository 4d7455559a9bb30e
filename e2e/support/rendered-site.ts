import { allowedByCookie, type CookieConsent, gateConfigOf } from '@torii/banner/server'
import type { Revision } from '@torii/schema/revision'
import type { BrowserContext } from 'playwright-core'
import type { TestServer } from './server.ts'

/** The measurement id and AdSense client of the rendered page (answered by the Google stubs). */
export const RENDERED_GA = 'https://www.googletagmanager.com/gtag/js?id=G-RENDERED'
export const RENDERED_ADSENSE =
  'https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-0000000000000000'

/** A tag as a site's server writes it: unheld when `ok`, else inert (`type="text/plain"`) for the gate. */
const tag = (ok: boolean, purpose: string, vendor: string, attrs: string, body = '') =>
  `<script${ok ? '' : ' type="text/plain"'} data-purpose="${purpose}" data-vendor="${vendor}"${attrs}>${body}</script>`

/** The page a site's server renders for what the request's `torii` cookie allows (GA and AdSense). */
export function renderedPage(gateUrl: string, allowed: CookieConsent): string {
  const ga = allowed.vendors['google-analytics'] && allowed.purposes.analytics
  const ads = allowed.vendors['google-adsense'] && allowed.purposes.advertising
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rendered by the site</title>
<script src="${gateUrl}"></script>
${tag(ga, 'analytics', 'google-analytics', ` src="${RENDERED_GA}" async`)}
${tag(ga, 'analytics', 'google-analytics', '', "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-RENDERED')")}
${tag(ads, 'advertising', 'google-adsense', ` src="${RENDERED_ADSENSE}" async crossorigin="anonymous"`)}
</head><body><main><h1>Rendered by the site's server</h1>
<ins class="adsbygoogle" style="display:block;width:300px;height:250px"></ins>
${tag(ads, 'advertising', 'google-adsense', '', ';(window.adsbygoogle=window.adsbygoogle||[]).push({})')}
<p><a href="#" data-torii-open>Cookie settings</a></p></main></body></html>`
}

export interface RenderedSite {
  /** The page's URL (on the test server's origin, so the gate's cookie is the page's). */
  url: string
  /** What the site's server allowed for each page view it rendered, in order. */
  renders: CookieConsent[]
}

/**
 * Serves `path` on `server`'s origin to `context` as a site's own server would: the GA and AdSense tags the
 * request's `torii` cookie allows (`@torii/banner/server`, the gate config from the site's config.json)
 * unheld, the others held; `Sec-GPC: 1` is the request's GPC signal.
 */
export async function serveRenderedPage(
  context: BrowserContext,
  server: TestServer,
  path = '/rendered/'
): Promise<RenderedSite> {
  const revision = (await (await fetch(server.at('/s/xtra/config.json'))).json()) as Revision
  const config = gateConfigOf(revision)
  const site: RenderedSite = { url: server.at(path), renders: [] }
  await context.route(site.url, async (route) => {
    const headers = await route.request().allHeaders()
    const allowed = allowedByCookie(headers.cookie, config, { gpc: headers['sec-gpc'] === '1' })
    site.renders.push(allowed)
    await route.fulfill({
      contentType: 'text/html',
      headers: { 'cache-control': 'no-store' },
      body: renderedPage(server.at('/s/xtra/gate.js'), allowed),
    })
  })
  return site
}
