import { createServer } from 'node:net'
import { BROKEN_HOST, DOWN_HOST, SHOP_HOST, startSiteServer } from './site-server.ts'
import { STUB_HOSTS, startStubHosts } from './stub-hosts.ts'

export { BROKEN_HOST, COOKIE_FLOOD, DOWN_HOST, SHOP_HOST } from './site-server.ts'

export interface ScanSite {
  /** The shop's home page (Torii on every page). */
  shopUrl: string
  /** The bad inputs' home page (no Torii). */
  brokenUrl: string
  /** Flags for the scanner's Chromium: the fixture's hosts resolved to the local servers, their certificate accepted. */
  chromiumArgs: string[]
  close(): Promise<void>
}

/** A port nothing listens on (taken, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * The scanner's fixture site: the shop and the broken site on a local HTTP server, their "third-party"
 * tags on a local HTTPS stub server, all reached under their names through Chromium's
 * `--host-resolver-rules` (ports included). `gateUrl`: Torii's gate.js the shop's pages load first (a
 * function when the server serving it starts after the fixture, as one scanning with the fixture's flags).
 */
export async function startScanSite(gateUrl: string | (() => string)): Promise<ScanSite> {
  const [site, stubs, downPort] = await Promise.all([
    startSiteServer(typeof gateUrl === 'string' ? () => gateUrl : gateUrl),
    startStubHosts(),
    closedPort(),
  ])
  const rules = [
    `MAP ${SHOP_HOST} 127.0.0.1:${site.port}`,
    `MAP ${BROKEN_HOST} 127.0.0.1:${site.port}`,
    `MAP ${DOWN_HOST} 127.0.0.1:${downPort}`,
    ...STUB_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${stubs.port}`),
    // Anything else the pages name (other.example, …) goes nowhere.
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
  ]
  return {
    shopUrl: `http://${SHOP_HOST}/`,
    brokenUrl: `http://${BROKEN_HOST}/`,
    chromiumArgs: [`--host-resolver-rules=${rules.join(', ')}`, '--ignore-certificate-errors'],
    async close() {
      await Promise.all([site.close(), stubs.close()])
    },
  }
}
