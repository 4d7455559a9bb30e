import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The gtag.js stand-in the banner tests use: it sets `_ga` only once analytics_storage is granted. */
const GTAG_STUB = readFileSync(new URL('../stubs/gtag.js', import.meta.url), 'utf8')

/**
 * The third parties of the scan fixture, under their real host names. Meta's pixel is what the fixture
 * site leaves undeclared: it writes `_fbp` as soon as it runs, as the real fbevents.js does.
 */
const STUB_FILES: Record<string, { type: string; body: string }> = {
  'www.googletagmanager.com/gtag/js': { type: 'text/javascript', body: GTAG_STUB },
  'connect.facebook.net/en_US/fbevents.js': {
    type: 'text/javascript',
    body: `document.cookie = '_fbp=fb.1.1700000000000.12345; path=/; max-age=7776000'
new Image().src = 'https://www.facebook.com/tr?id=1234&ev=PageView'`,
  },
  'widgets.example.net/widget.js': { type: 'text/javascript', body: 'window.widgetLoaded = true' },
}

/** Hosts the stub server answers (anything else of theirs: an empty 204). */
export const STUB_HOSTS = [
  'www.googletagmanager.com',
  'region1.google-analytics.com',
  'connect.facebook.net',
  'www.facebook.com',
  'widgets.example.net',
]

export interface StubHosts {
  port: number
  close(): Promise<void>
}

/**
 * One HTTPS server on 127.0.0.1 answering for every `STUB_HOSTS` host (by the Host header), with a
 * self-signed certificate made for the run: the browser reaches it through `--host-resolver-rules` and
 * accepts it with `--ignore-certificate-errors`. Nothing leaves the machine.
 */
export async function startStubHosts(): Promise<StubHosts> {
  const dir = await mkdtemp(join(tmpdir(), 'torii-scan-stubs-'))
  const key = join(dir, 'key.pem')
  const cert = join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=stubs.test'],
      ...['-keyout', key, '-out', cert],
    ],
    { stdio: 'ignore' }
  )
  const server: Server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '')
    const path = new URL(req.url ?? '/', 'https://stub').pathname
    const file = STUB_FILES[`${host}${path}`]
    if (!file) {
      res.writeHead(204, { 'access-control-allow-origin': '*' }).end()
      return
    }
    res.writeHead(200, { 'content-type': file.type, 'access-control-allow-origin': '*' }).end(file.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await rm(dir, { recursive: true, force: true })
    },
  }
}
