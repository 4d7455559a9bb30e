import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { DISCLOSURE_PAGE_STYLE } from '@torii/schema/disclosure-page'
import { RECEIPT_PAGE_STYLE } from '../lib/receipt-page.ts'
import { VERIFY_PAGE_FILE } from '../routes/public/verify-page.ts'

/** The public HTML pages: a receipt (`/receipts/:id`), a site's disclosure, the proof checker. */
export const PUBLIC_PAGE_PATHS = /^\/(receipts\/[^/]+|s\/[^/]+\/disclosure|verify-proof)$/
export const VERIFY_PAGE_PATH = '/verify-proof'

/** A CSP source allowing one inline `<script>` or `<style>` whose text is exactly `text`. */
export function inlineHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

/** The text of each inline element `tag` in a trusted static page. */
function inlineBlocks(html: string, tag: 'script' | 'style'): string[] {
  const pattern = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g')
  return [...html.matchAll(pattern)].map((match) => match[1]!)
}

/**
 * The public pages' Content-Security-Policy (Hono secureHeaders directives): nothing from anywhere but their
 * own inline style and script, allowed by hash. Hashes come from the code's constants and the static proof
 * checker, never from a rendered page: a page's data (a site's texts, a receipt's page URL) cannot add to
 * them. Not framed by anyone.
 */
export function publicPageCsp() {
  const verifyPage = readFileSync(VERIFY_PAGE_FILE, 'utf8')
  return {
    defaultSrc: ["'none'"],
    scriptSrc: inlineBlocks(verifyPage, 'script').map(inlineHash),
    styleSrc: [RECEIPT_PAGE_STYLE, DISCLOSURE_PAGE_STYLE, ...inlineBlocks(verifyPage, 'style')].map(
      inlineHash
    ),
    imgSrc: ["'self'", 'data:'],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  }
}
