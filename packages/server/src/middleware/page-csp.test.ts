import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../index.ts'
import { receiptBody, writeFakeBanner } from '../testing/test-app.ts'
import { inlineHash } from './page-csp.ts'

let dir: string
let server: RunningServer
let receiptPath: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'torii-csp-'))
  server = await startServer({
    port: 0,
    dbUrl: `file:${join(dir, 'torii.db')}`,
    bannerDist: writeFakeBanner(dir),
    quiet: true,
  })
  const posted = await fetch(`${server.url}/s/xtra/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify(receiptBody({ pageUrl: `${server.url}/` })),
  })
  receiptPath = `/receipts/${((await posted.json()) as { id: string }).id}`
})
afterAll(async () => {
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Each directive of a Content-Security-Policy header, by name. */
function directives(header: string | null): Record<string, string[]> {
  const parsed: Record<string, string[]> = {}
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) parsed[name] = sources
  }
  return parsed
}

describe('the public HTML pages', () => {
  it.each([
    ['a receipt', () => receiptPath],
    ['a disclosure', () => '/s/xtra/disclosure?lang=en'],
    ['the proof checker', () => '/verify-proof'],
  ])('%s: a strict CSP allowing its own inline style and script by hash, never framed', async (_, path) => {
    const page = await fetch(`${server.url}${path()}`, { headers: { accept: 'text/html' } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const csp = directives(page.headers.get('content-security-policy'))
    expect(csp['default-src']).toEqual(["'none'"])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    expect(csp['base-uri']).toEqual(["'none'"])
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    const html = await page.text()
    for (const [, tag, text] of html.matchAll(/<(style|script)>([\s\S]*?)<\/\1>/g)) {
      const allowed = tag === 'style' ? csp['style-src'] : csp['script-src']
      expect(allowed, `${tag} of ${path()}`).toContain(inlineHash(text!))
    }
    expect(html).not.toMatch(/ style=| on[a-z]+=/)
  })
})
