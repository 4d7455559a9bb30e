import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** The fixture's well-behaved site (Torii on every page) and its site of bad inputs. */
export const SHOP_HOST = 'shop.test'
export const BROKEN_HOST = 'broken.test'
/** A same-site host nothing listens on: the unreachable page. */
export const DOWN_HOST = `down.${BROKEN_HOST}`

/** Cookies the "thousands of cookies" page sets, by header and by script each. */
export const COOKIE_FLOOD = 3000
/** The huge sitemap's size: over the scanner's 5 MB read limit. */
const HUGE_SITEMAP_BYTES = 6 * 1024 * 1024

type Handler = (req: IncomingMessage, res: ServerResponse) => void

const html = (res: ServerResponse, body: string, headers: Record<string, string | string[]> = {}) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(`<!doctype html>${body}`)

const xml = (res: ServerResponse, body: string) =>
  res
    .writeHead(200, { 'content-type': 'application/xml' })
    .end(`<?xml version="1.0" encoding="UTF-8"?>${body}`)

/**
 * The shop: GA declared and held by Torii (`text/plain`), Meta's pixel undeclared and unheld (it writes
 * `_fbp` before any choice), a widget from a host no vendor covers; AdSense is declared by the demo config
 * and never used. Its sitemap names a page no link reaches.
 */
function shopRoutes(gateUrl: () => string): Record<string, Handler> {
  const head = (title: string) =>
    `<html lang="en"><head><script src="${gateUrl()}"></script><title>${title}</title>` +
    `<script type="text/plain" data-purpose="analytics" data-vendor="google-analytics" async
       src="https://www.googletagmanager.com/gtag/js?id=G-SCAN"></script>
     <script type="text/plain" data-purpose="analytics">
       window.dataLayer = window.dataLayer || []; function gtag(){ dataLayer.push(arguments) }
       gtag('js', new Date()); gtag('config', 'G-SCAN')
     </script>`
  const meta = '<script src="https://connect.facebook.net/en_US/fbevents.js" async></script>'
  const nav =
    '<nav><a href="/">Home</a> <a href="/about">About</a> <a href="/contact#team">Contact</a> ' +
    '<a href="/brochure.pdf">Brochure</a> <a href="https://other.example/">Elsewhere</a></nav>'
  return {
    '/': (_req, res) =>
      html(
        res,
        `${head('Shop')}${meta}<script src="https://widgets.example.net/widget.js" async></script></head>
         <body><h1>Shop</h1>${nav}</body></html>`,
        { 'set-cookie': 'session_id=s1; Path=/; HttpOnly; SameSite=Lax' }
      ),
    '/about': (_req, res) =>
      html(res, `${head('About')}${meta}</head><body><h1>About</h1>${nav}</body></html>`),
    '/contact': (_req, res) =>
      html(
        res,
        `${head('Contact')}<script>localStorage.setItem('shop_cart', '[]')</script></head>
         <body><h1>Contact</h1>${nav}</body></html>`
      ),
    '/products': (_req, res) => html(res, `${head('Products')}</head><body><h1>Products</h1></body></html>`),
    '/sitemap.xml': (_req, res) =>
      xml(
        res,
        `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
           <url><loc>http://${SHOP_HOST}/</loc></url><url><loc>http://${SHOP_HOST}/products</loc></url>
         </urlset>`
      ),
  }
}

/**
 * The bad inputs: a redirect loop, a page that never finishes loading, a page setting thousands of
 * cookies, a link to a host that refuses connections; a sitemap index naming a malformed sitemap and a
 * huge one.
 */
function brokenRoutes(hanging: Set<ServerResponse>): Record<string, Handler> {
  const page = (links: string) => `<html><head><title>Broken</title></head><body>${links}</body></html>`
  return {
    '/': (_req, res) => html(res, page(`<a href="http://${DOWN_HOST}/">Down</a>`)),
    '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
    '/slow': (_req, res) => html(res, page('<img src="/hang" alt="">')),
    '/hang': (_req, res) => {
      // Never answered: the load event of /slow never fires.
      hanging.add(res)
    },
    '/cookies': (_req, res) =>
      html(
        res,
        page(
          `<script>for (let i = 0; i < ${COOKIE_FLOOD}; i++) document.cookie = 'js' + i + '=1; path=/'</script>`
        ),
        { 'set-cookie': Array.from({ length: COOKIE_FLOOD }, (_, i) => `h${i}=1; Path=/`) }
      ),
    '/sitemap.xml': (_req, res) =>
      xml(
        res,
        `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
           <sitemap><loc>http://${BROKEN_HOST}/sitemap-broken.xml</loc></sitemap>
           <sitemap><loc>http://${BROKEN_HOST}/sitemap-huge.xml</loc></sitemap>
         </sitemapindex>`
      ),
    '/sitemap-broken.xml': (_req, res) =>
      xml(
        res,
        `<urlset><url><loc>http://${BROKEN_HOST}/loop</loc></url><url><loc>http://${BROKEN_HOST}/slow</loc>` +
          `<url><loc>http://${BROKEN_HOST}/cookies</loc></url><url><<oops`
      ),
    '/sitemap-huge.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' })
      res.write('<?xml version="1.0"?><urlset>')
      let written = 0
      let n = 0
      const more = () => {
        while (written < HUGE_SITEMAP_BYTES && !res.destroyed) {
          const chunk = `<url><loc>http://${BROKEN_HOST}/p/${n++}</loc></url>`
          written += chunk.length
          if (!res.write(chunk)) return void res.once('drain', more)
        }
        res.end('</urlset>')
      }
      more()
    },
  }
}

export interface SiteServer {
  port: number
  close(): Promise<void>
}

/** The fixture site's HTTP server on 127.0.0.1: routes by Host (`SHOP_HOST`, `BROKEN_HOST`) and path. */
export async function startSiteServer(gateUrl: () => string): Promise<SiteServer> {
  const hanging = new Set<ServerResponse>()
  const routes: Record<string, Record<string, Handler>> = {
    [SHOP_HOST]: shopRoutes(gateUrl),
    [BROKEN_HOST]: brokenRoutes(hanging),
  }
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '')
    const path = new URL(req.url ?? '/', 'http://site').pathname
    const handler = routes[host]?.[path]
    if (handler) return handler(req, res)
    if (host === BROKEN_HOST && path.startsWith('/p/')) return html(res, '<title>Listed</title><p>Listed</p>')
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
