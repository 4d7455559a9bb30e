import { readFileSync } from 'node:fs'
import { Hono } from 'hono'

/** The static page that checks a proof bundle offline (tools/verify-proof.html): also usable as a saved file. */
export const VERIFY_PAGE_FILE = new URL('../../../../../tools/verify-proof.html', import.meta.url)

/** `GET /verify-proof`: the static proof checker, the same bytes as the file in the repository. */
export function createVerifyPageRoutes() {
  const html = readFileSync(VERIFY_PAGE_FILE, 'utf8')
  const app = new Hono()
  app.get('/verify-proof', (c) => {
    c.header('Cache-Control', 'public, max-age=3600')
    return c.html(html)
  })
  return app
}
