import { beforeAll, describe, expect, it } from 'vitest'
import { installGuards } from '../src/gate/guards.ts'
import { hold } from '../src/gate/hold.ts'
import { vendorOfUrl } from '../src/gate/hosts.ts'
import { demoConfig } from './fixtures.ts'

const GA = 'https://www.googletagmanager.com/gtag/js?id=G-1'
const FRAME = 'https://googleads.g.doubleclick.net/pagead/frame'
const granted: Record<string, boolean> = { 'google-analytics': false, 'google-adsense': false }

describe('the blocker', () => {
  beforeAll(() => {
    const cfg = demoConfig()
    installGuards((el, url) => {
      const vendor = vendorOfUrl(cfg, url)
      if (vendor && !granted[vendor]) return hold(el, vendor)
    })
  })

  it('should hold a script whose src is set through the property, keeping the src and the wanted type', () => {
    const s = document.createElement('script')
    s.type = 'module'
    s.src = GA
    expect(s.getAttribute('type')).toBe('text/plain')
    expect(s.getAttribute('data-vendor')).toBe('google-analytics')
    expect(s.getAttribute('data-type')).toBe('module')
    expect(s.getAttribute('src')).toBe(GA)
    s.type = 'text/javascript' // page code insisting
    expect(s.getAttribute('type')).toBe('text/plain')
    expect(s.getAttribute('data-type')).toBe('text/javascript')
  })

  it('should hold a script whose src is set with setAttribute', () => {
    const s = document.createElement('script')
    s.setAttribute('src', GA)
    expect(s.getAttribute('type')).toBe('text/plain')
    s.setAttribute('type', 'text/javascript')
    expect(s.getAttribute('type')).toBe('text/plain')
  })

  it('should never give a held iframe its src', () => {
    const f = document.createElement('iframe')
    f.src = FRAME
    expect(f.getAttribute('src')).toBeNull()
    expect(f.getAttribute('data-src')).toBe(FRAME)
    expect(f.getAttribute('data-vendor')).toBe('google-adsense')
    const g = document.createElement('iframe')
    g.setAttribute('SRC', FRAME)
    expect(g.getAttribute('src')).toBeNull()
  })

  it('should hold iframes in HTML strings (innerHTML, insertAdjacentHTML) and leave other markup alone', () => {
    const box = document.createElement('div')
    document.body.append(box)
    box.innerHTML = `<p>hi</p><iframe title="ad" src="${FRAME}"></iframe>`
    const frame = box.querySelector('iframe')!
    expect(frame.getAttribute('src')).toBeNull()
    expect(frame.getAttribute('data-src')).toBe(FRAME)
    expect(box.querySelector('p')!.textContent).toBe('hi')
    box.insertAdjacentHTML('beforeend', `<iframe id="second" src="${FRAME}"></iframe>`)
    expect(box.querySelector('#second')!.getAttribute('src')).toBeNull()
    const plain = '<b>unchanged &amp; untouched</b>'
    box.innerHTML = plain
    expect(box.innerHTML).toBe(plain)
  })

  it('should hold elements made elsewhere (outside the guards) when they are inserted', () => {
    const parsed = new DOMParser().parseFromString(`<iframe src="${FRAME}"></iframe>`, 'text/html')
    const frame = parsed.querySelector('iframe')!
    expect(frame.getAttribute('src')).toBe(FRAME)
    const holder = document.createElement('div')
    holder.appendChild(document.importNode(frame, true))
    expect(holder.querySelector('iframe')!.getAttribute('src')).toBeNull()
  })

  it('should let URLs of no configured vendor and granted vendors through', () => {
    const s = document.createElement('script')
    s.src = 'https://cdn.example.com/app.js'
    expect(s.getAttribute('type')).toBeNull()
    granted['google-analytics'] = true
    const t = document.createElement('script')
    t.src = GA
    expect(t.getAttribute('type')).toBeNull()
    granted['google-analytics'] = false
  })
})
