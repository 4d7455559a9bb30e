import { escapeHtml, renderDisclosureHtml } from './disclosure.ts'
import type { Revision } from './revision.ts'

/** The disclosure (external transmission notice + cookie table) of a published revision, as an HTML fragment. */
export function renderDisclosure(revision: Revision, lang: string): string {
  return renderDisclosureHtml(revision.config, lang, {
    revision: { number: revision.number, publishedAt: revision.publishedAt },
  })
}

const PAGE_TITLES = { ja: '利用者情報の外部送信について', en: 'Information sent to third parties' }

/** The page's one inline style: the server allows it in its Content-Security-Policy by hash. */
export const DISCLOSURE_PAGE_STYLE =
  'body{font:16px/1.7 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}' +
  'dt{font-weight:600}dd{margin:0 0 .75rem}table{border-collapse:collapse;width:100%}' +
  'th,td{border:1px solid #d0d7de;padding:.5rem;text-align:left;vertical-align:top}thead th{background:#f6f8fa}'

/**
 * The disclosure of a revision as a whole HTML page (served at `/s/:siteId/disclosure`, where no gate runs:
 * so without the "change cookie settings" link, which only works on the site itself).
 */
export function renderDisclosurePage(revision: Revision, lang: string): string {
  const title = lang.startsWith('ja') ? PAGE_TITLES.ja : PAGE_TITLES.en
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title><style>${DISCLOSURE_PAGE_STYLE}</style></head>`,
    `<body><main>\n${renderDisclosureHtml(revision.config, lang, {
      revision: { number: revision.number, publishedAt: revision.publishedAt },
      headingLevel: 1,
      changeLink: false,
    })}\n</main></body>`,
    '</html>',
  ].join('\n')
}
