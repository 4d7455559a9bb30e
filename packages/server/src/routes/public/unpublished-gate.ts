import { CONSENT_TYPES } from '@torii/schema'

/** No shared cache may keep it: the site's first publish must reach its pages at once. */
export const UNPUBLISHED_GATE_CACHE_CONTROL = 'no-cache'

/**
 * The gate.js of a site that exists but has nothing published: valid JavaScript (a 404 would be blocked by
 * the browser, and nobody told) that keeps everything held and says why in the console. Tags marked for
 * consent stay inert (`type="text/plain"`) without a gate; Google tags get Consent Mode defaults with every
 * type denied, as the real gate pushes before anything runs.
 */
export function unpublishedGate(siteId: string): string {
  const denied = Object.fromEntries(CONSENT_TYPES.map((type) => [type, 'denied']))
  const warning =
    `[torii] site "${siteId}" is not published yet: no banner shows and every tag marked for consent ` +
    'stays held until it is. Publish it in the Torii admin.'
  // JSON.stringify makes both literals safe in a script (and `<` cannot close it).
  const literal = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')
  return `(function(){var w=window;w.dataLayer=w.dataLayer||[];(function(){w.dataLayer.push(arguments)})("consent","default",${literal(denied)});console.warn(${literal(warning)})})();\n`
}
